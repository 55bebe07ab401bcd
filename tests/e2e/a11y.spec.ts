// axe-core on every screen (and the help, note and guidelines dialogs), each reached by keyboard: no serious or critical violation (WCAG 2
// A/AA rules and axe's best practices). Every violation of lower impact is printed on stderr and
// attached to the report.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { closeLeadSession, openAsLead, tabTo, type LeadSession } from './leadSession';
import { DEMO, tempCopy } from './serve';

let session: LeadSession | undefined;
test.afterEach(async () => {
  await closeLeadSession(session);
  session = undefined;
});

interface Finding {
  id: string;
  impact: string;
  nodes: string[];
}

/** Serious and critical findings on the page as it is now, attached to the report. */
async function scan(page: Page, info: TestInfo, screen: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  // axe really ran on this page (a failed injection would report nothing at all).
  expect(result.passes.length, `${screen}: axe checked nothing`).toBeGreaterThan(10);
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact as string,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  await info.attach(`axe-${screen}.json`, {
    body: JSON.stringify(result.violations, null, 2),
    contentType: 'application/json',
  });
  // Every violation of any impact is reported on stderr, so the suite shows what is left.
  for (const v of result.violations)
    console.error(`axe ${screen}: ${v.impact} ${v.id} (${v.nodes.length}): ${v.help}`);
  return bad;
}

async function expectClean(page: Page, info: TestInfo, screen: string): Promise<void> {
  expect
    .soft(await scan(page, info, screen), `${screen}: serious or critical axe violations`)
    .toStrictEqual([]);
}

/** Another annotator completes (and flags) three demo memes, so review has items to show. */
async function thirdVotes(project: string): Promise<void> {
  const line = (item: number, hate: string, pc: string[], attack: string[]) =>
    JSON.stringify({
      v: 1,
      item,
      annotator: 'a11y-ann',
      hate,
      pc,
      attack,
      at: '2026-11-02T10:00:00.000Z',
      ms: 4200,
      note: 'see the caption',
      flag: true,
    }) + '\n';
  await writeFile(
    join(project, '.memejury/annotations/a11y-ann.jsonl'),
    line(5, 'not_hateful', [], []) +
      line(7, 'hateful', ['race'], ['mocking']) +
      line(12, 'hateful', ['sex'], ['contempt']),
  );
}

/** Goes to a screen the way a keyboard user does: Tab to its button in the header, Enter. */
async function go(page: Page, nav: string): Promise<void> {
  await tabTo(page, `nav-${nav}`, 120);
  await page.keyboard.press('Enter');
}

test('every screen passes axe-core with no serious or critical violation', async ({ page }, info) => {
  const project = await tempCopy(DEMO);
  await thirdVotes(project);
  session = await openAsLead(project);
  await page.goto(session.served.url);

  // Labeling: the content warning, the meme, the help overlay and the note dialog.
  await expect(page.getByTestId('content-warning')).toBeVisible();
  await expectClean(page, info, 'content-warning');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-id')).toBeVisible();
  await expectClean(page, info, 'label');
  await page.keyboard.press('Shift+Slash');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expectClean(page, info, 'help');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toBeHidden();
  await page.keyboard.press('c');
  await expect(page.getByTestId('note-dialog')).toBeVisible();
  await expectClean(page, info, 'note-dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('note-dialog')).toBeHidden();
  // A chip's definition on keyboard focus, and the guidelines (I) with and without the examples.
  await tabTo(page, 'chip-pc-race', 120);
  await expect(page.getByTestId('tip-chip-pc-race')).toBeVisible();
  await expectClean(page, info, 'label-definition');
  await page.keyboard.press('Escape');
  await page.keyboard.press('i');
  await expect(page.getByTestId('guide-dialog')).toBeVisible();
  await expectClean(page, info, 'guide');
  await tabTo(page, 'guide-show-examples', 120);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('example').first()).toBeVisible();
  await expectClean(page, info, 'guide-examples');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('guide-dialog')).toBeHidden();

  // Review in lead mode.
  await go(page, 'review');
  await tabTo(page, 'lead-on', 120);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-item')).toBeVisible();
  await expectClean(page, info, 'review');

  await go(page, 'browse');
  await expect(page.getByTestId('browse')).toBeVisible();
  await expectClean(page, info, 'browse');

  await go(page, 'mine');
  await expect(page.getByTestId('my-figures')).toBeVisible();
  await expectClean(page, info, 'my-figures');

  await go(page, 'stats');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expectClean(page, info, 'agreement');

  await go(page, 'export');
  await expect(page.getByTestId('export-preview')).toBeVisible();
  await expectClean(page, info, 'export');

  await go(page, 'score');
  await expect(page.getByTestId('score-run')).toBeVisible();
  await expectClean(page, info, 'score');

  await go(page, 'rights');
  await expect(page.getByTestId('rights')).toBeVisible();
  await expectClean(page, info, 'rights');

  // The lead's Guidelines screen, from the guide: I, then "Edit the guidelines".
  await page.keyboard.press('Escape');
  await page.keyboard.press('i');
  await tabTo(page, 'guide-edit', 120);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('guidelines-screen')).toBeVisible();
  await expectClean(page, info, 'guidelines');

  await go(page, 'start');
  await expect(page.getByTestId('profiles')).toBeVisible();
  await expectClean(page, info, 'start');
});
