// Guidelines in the app, versioned on every label (issue 12, part 1), by keyboard in a real
// browser: a chip's definition on focus, the whole guide on a key with its examples behind a
// warning, a lead's new version saved in lead mode, picked up live by another annotator's app,
// recorded on the next label line, marked in Review and split out on the dashboard.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { WindowApi } from '../../shared/api';
import {
  becomeLead,
  CLI,
  goToMeme,
  openLabeling,
  ROOT,
  type Served,
  serveDemoPerTest,
  startServe,
} from './serve';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

interface Line {
  item: number | string;
  hate: string | null;
  gv?: string;
}

async function lines(project: string, annotator: string): Promise<Line[]> {
  const text = await readFile(join(project, `.memejury/annotations/${annotator}.jsonl`), 'utf8').catch(
    () => '',
  );
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

/** Tabs until the element with `testId` has the focus (keyboard only). */
async function tabTo(page: Page, testId: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.getByTestId(testId).evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`Tab never reached ${testId} (the focus is on ${at})`);
}

/** A dialog has taken the focus (its keys, Esc included, work from now on). */
async function dialogReady(page: Page): Promise<void> {
  await expect(page.locator('[role="dialog"]:focus-within')).toBeVisible();
}

const NEW_GUIDE = `# Demo team guidelines

Read the picture and the caption together.

## Hateful

An attack on people for a protected characteristic, open or implied. Version two: implied attacks count.

## Not hateful

No attack on people for a protected characteristic.

## Race

Race, ethnicity, skin colour or descent. Version two adds descent explicitly.

### Examples

- A caption calling an ethnic group a disease.
`;

/** The default guidelines' version, as the CLI prints it. */
function defaultVersion(project: string): string {
  const r = spawnSync(process.execPath, [CLI, 'guidelines', '--project', project, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(r.stdout) as { version: string }).version;
}

test.describe('guidelines, for an annotator', () => {
  const demo = serveDemoPerTest(['--annotator', 'ann-g']);

  test('a focused chip shows its definition; I shows the guide, examples behind a warning', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    // Keyboard focus on a chip: its definition is visible, and it is the chip's description.
    await tabTo(page, 'chip-pc-race');
    const tip = page.getByTestId('tip-chip-pc-race');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('Race, ethnicity, skin colour or descent');
    const described = await page
      .getByTestId('chip-pc-race')
      .evaluate(
        (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
      );
    expect(described).toContain('attacks on people as members of a racial or ethnic group');
    await page.screenshot({ path: test.info().outputPath('chip-definition.png') });
    // Esc gives the focus back to the page: the definition goes, the keys work again.
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    // Hovering a chip shows it too (after a moment), and never covers a chip a click goes to.
    await page.getByTestId('chip-attack-dehumanizing').hover();
    const hovered = page.getByTestId('tip-chip-attack-dehumanizing');
    await expect(hovered).toBeVisible();
    await expect(hovered).toContainText('dehumanizing speech');
    await page.getByTestId('chip-hateful').hover();
    await expect(page.getByTestId('tip-chip-hateful')).toBeVisible();
    await page.getByTestId('chip-pc-religion').click({ timeout: 2000 });
    await expect(page.getByTestId('chip-pc-religion')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('chip-pc-religion').click({ timeout: 2000 });
    await page.mouse.move(0, 0);
    await expect(hovered).toBeHidden();

    // The help lists the guide's key; the key opens the guide.
    await page.keyboard.press('Shift+Slash');
    await expect(page.getByTestId('help-guide')).toContainText('annotation guidelines');
    await dialogReady(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('i');
    const guide = page.getByTestId('guide-dialog');
    await expect(guide).toBeVisible();
    await expect(guide.getByTestId('guide-version')).toHaveText(defaultVersion(demo.project).slice(0, 12));
    await expect(guide.getByTestId('guide-warning')).toContainText('Content warning');
    await expect(guide.getByRole('heading', { name: 'Dehumanizing' })).toBeVisible();
    // Every label's examples are hidden until the reader opens them deliberately.
    await expect(guide.getByTestId('example')).toHaveCount(0);
    expect(await guide.getByTestId('example-hidden').count()).toBe(14);
    await page.screenshot({ path: test.info().outputPath('guide.png') });
    await tabTo(page, 'guide-show-examples');
    await expect(page.getByTestId('guide-show-examples')).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('guide-show-examples')).toHaveAttribute('aria-expanded', 'true');
    await expect(guide.getByTestId('example-hidden')).toHaveCount(0);
    await expect(guide.getByText('A caption comparing a religious group to vermin.').first()).toBeVisible();
    // An annotator cannot edit: no edit button, no Guidelines screen, and the backend refuses.
    await expect(guide.getByTestId('guide-edit')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(guide).toBeHidden();
    const refused = await page.evaluate(() =>
      window.api!.guidelines.save({ markdown: '# mine' }).then(
        () => 'saved',
        (e: Error) => e.message,
      ),
    );
    expect(refused).toMatch(/only a lead/);
    // The meme still has the keys: N labels it, and the line records the version shown.
    await page.keyboard.press('n');
    await expect
      .poll(async () => (await lines(demo.project, 'ann-g')).map((l) => l.gv))
      .toStrictEqual([defaultVersion(demo.project)]);
  });
});

test.describe('guidelines, for a lead and the team', () => {
  const demo = serveDemoPerTest(['--annotator', 'lead-g']);
  let other: Served | undefined;
  let otherUser: string | undefined;
  test.afterEach(async () => {
    await other?.stop();
    if (otherUser) await rm(otherUser, { recursive: true, force: true });
    other = otherUser = undefined;
  });

  test('a lead saves a new version; another annotator’s app shows it live and records it; Review and the dashboard tell versions apart', async ({
    page,
    browser,
  }) => {
    const before = defaultVersion(demo.project);
    // Another annotator, in an app of their own on the same folder (as on a synced drive).
    otherUser = await mkdtemp(join(tmpdir(), 'memejury-user-'));
    other = await startServe(demo.project, otherUser, ['--annotator', 'ann-b']);
    const annPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openLabeling(annPage, other.url);

    // The lead labels a meme under the built-in guidelines first.
    await openLabeling(page, demo.served.url);
    const first = ((await page.getByTestId('item-id').textContent()) ?? '').replace('#', '');
    await page.keyboard.press('n');
    await expect
      .poll(async () => (await lines(demo.project, 'lead-g')).map((l) => l.gv))
      .toStrictEqual([before]);
    // ann-b labels the same meme under the built-in guidelines too.
    await goToMeme(annPage, first);
    await expect(annPage.getByTestId('item-id')).toHaveText(`#${first}`);
    for (const k of ['h', '1', 'q', 'Enter']) await annPage.keyboard.press(k);
    await expect
      .poll(async () => (await lines(demo.project, 'ann-b')).map((l) => l.gv))
      .toStrictEqual([before]);

    // The lead takes the role, goes from the guide (I) to editing it, and saves a new version by keyboard.
    await becomeLead(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('i');
    await tabTo(page, 'guide-edit');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('guidelines-screen')).toBeVisible();
    // The focus is in the editor's text at once, not back at the top of the page.
    await expect(page.getByTestId('guide-source')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(NEW_GUIDE);
    await expect(page.getByTestId('guide-preview')).toContainText('Version two adds descent explicitly.');
    await page.screenshot({ path: test.info().outputPath('editor.png'), fullPage: true });
    await tabTo(page, 'guide-save');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('guide-saved')).toContainText(`version ${sha(NEW_GUIDE).slice(0, 12)}`);
    // Save turned off: the focus is on what the save did.
    await expect(page.getByTestId('guide-saved')).toBeFocused();
    expect(await readFile(join(demo.project, '.memejury/guidelines.md'), 'utf8')).toBe(NEW_GUIDE);
    expect((await readdir(join(demo.project, '.memejury/guidelines'))).sort()).toStrictEqual(
      [`${before}.md`, `${sha(NEW_GUIDE)}.md`].sort(),
    );

    // ann-b's app shows the new version without a reload: the chip's definition and the guide.
    await annPage.keyboard.press('Escape');
    await tabTo(annPage, 'chip-pc-race');
    await expect(annPage.getByTestId('tip-chip-pc-race')).toContainText(
      'Version two adds descent explicitly.',
      {
        timeout: 3000,
      },
    );
    await annPage.keyboard.press('Escape');
    await annPage.keyboard.press('i');
    await expect(annPage.getByTestId('guide-version')).toHaveText(sha(NEW_GUIDE).slice(0, 12));
    await dialogReady(annPage);
    await annPage.keyboard.press('Escape');
    await expect(annPage.getByTestId('guide-dialog')).toBeHidden();
    // Its next label line records the new version.
    await annPage.keyboard.press('n');
    await expect
      .poll(async () => (await lines(demo.project, 'ann-b')).map((l) => l.gv))
      .toStrictEqual([before, sha(NEW_GUIDE)]);

    // The versions on the lead's screen: the built-in one with 2 votes, the new one with 1.
    await expect(page.getByTestId(`guideline-votes-${before.slice(0, 12)}`)).toHaveText('2');
    await expect(page.getByTestId(`guideline-votes-${sha(NEW_GUIDE).slice(0, 12)}`)).toHaveText('1');
    await tabTo(page, `read-${before.slice(0, 12)}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('guide-old')).toContainText('Annotation guidelines');
    await dialogReady(page);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('guide-old')).toBeHidden();

    // Review: the meme both labeled under the older version, each vote marked.
    await tabTo(page, 'nav-review');
    await page.keyboard.press('Enter');
    await tabTo(page, 'filter-older-guidelines');
    await expect(page.getByTestId('filter-older-guidelines')).toHaveAccessibleName(
      /older guidelines \(2 votes\)/,
    );
    await page.keyboard.press('Space');
    await expect(page.getByTestId('review-count')).toContainText('1 with votes under older guidelines');
    await expect(page.getByTestId('review-item-id')).toHaveText(`#${first}`);
    await expect(page.getByTestId('older-guidelines')).toHaveCount(2);
    await expect(page.getByTestId('vote-guidelines')).toContainText(before.slice(0, 12));
    await page.screenshot({ path: test.info().outputPath('review.png') });

    // The dashboard: agreement per version, each figure with its count (grey: too few memes).
    await tabTo(page, 'nav-stats');
    await page.keyboard.press('Enter');
    const split = page.getByTestId('guideline-split');
    await expect(split.getByTestId('split-older-count')).toContainText(
      '2 current votes were made under an older',
    );
    const cli = spawnSync(process.execPath, [CLI, 'guidelines', '--project', demo.project, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const versions = JSON.parse(cli.stdout) as {
      rows: { short: string | null; votes: number; hate: { alpha: number | null; items: number } }[];
      unrecorded: number;
    };
    expect(versions.rows.map((r) => r.short)).toStrictEqual([
      before.slice(0, 12),
      sha(NEW_GUIDE).slice(0, 12),
      null,
    ]);
    for (const r of versions.rows) {
      const key = r.short ?? 'none';
      await expect(split.getByTestId(`guideline-votes-${key}`)).toHaveText(String(r.votes));
      const stat = split.getByTestId(`stat-guidelines.${key}.hate.krippendorff_alpha`);
      await expect(stat).toHaveAttribute('data-items', String(r.hate.items));
      await expect(stat).toHaveAttribute('data-value', r.hate.alpha === null ? '' : String(r.hate.alpha));
    }
    // The demo's own labels record no version; on 20 memes or more their α is judged, not grey.
    const unversioned = versions.rows[2];
    expect(unversioned.votes).toBe(versions.unrecorded);
    expect(unversioned.hate.items).toBeGreaterThanOrEqual(20);
    const none = split.getByTestId('stat-guidelines.none.hate.krippendorff_alpha');
    await expect(none).not.toHaveAttribute('data-too-few', 'true');
    await expect(
      split.getByTestId(`stat-guidelines.${before.slice(0, 12)}.hate.krippendorff_alpha`),
    ).toHaveAttribute('data-items', '1');
    await split.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('dashboard-split.png') });
    await annPage.close();
  });
});
