// Fields and confirmations by keyboard alone, as a user works: Enter in a text field submits its
// form, a focused button keeps its own Enter, a role or membership change is asked first, and
// the Export screen's message follows each export and each change of options.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { WindowApi } from '../../shared/api';
import { tabTo } from './leadSession';
import { ROOT, becomeLead, serveDemoPerTest } from './serve';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

interface Roster {
  roster: { id: string; role: string; left?: string }[];
}
const roster = async (project: string): Promise<Roster['roster']> =>
  (JSON.parse(await readFile(join(project, '.memejury/project.json'), 'utf8')) as Roster).roster;

test.describe('a new user', () => {
  const demo = serveDemoPerTest(['--imports', join(ROOT, 'tests/fixtures/fghm')]);

  test('Enter in a field submits it; an invalid id says what a valid one looks like', async ({ page }) => {
    await page.goto(demo.served.url);
    await expect(page.getByTestId('profiles')).toBeVisible();
    await tabTo(page, 'new-profile-id');
    await page.keyboard.type('ann a');
    await page.keyboard.press('Enter');
    const invalid = page.getByTestId('profile-id-invalid');
    await expect(invalid).toContainText('“ann a” cannot be an annotator id');
    await expect(invalid).toContainText('letters, digits, "_", "-", starting with a letter or a digit');
    await expect(page.getByTestId('new-profile-id')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('annotator')).toHaveCount(0);
    // Correcting the id and pressing Enter again makes the profile.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('kbd-user');
    await expect(invalid).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('annotator')).toHaveText('kbd-user');
    const settings = JSON.parse(await readFile(join(demo.userData, 'settings.json'), 'utf8')) as {
      annotators: { id: string }[];
    };
    expect(settings.annotators.map((a) => a.id)).toContain('kbd-user');

    // Enter in the import field imports the file.
    await tabTo(page, 'import-path');
    await page.keyboard.type('test_unlabeled.jsonl');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('import-result')).toContainText('1000 records: 1000 new memes');

    // On the content warning, Enter on the focused Preferences button opens the preferences
    // (it does not start labeling); Enter in a number field saves them.
    await tabTo(page, 'start-labeling');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('content-warning')).toBeVisible();
    await tabTo(page, 'open-preferences');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preferences')).toBeVisible();
    await expect(page.getByTestId('content-warning')).toBeVisible();
    // An annotator never sees colleagues, so the names preference is not offered.
    await expect(page.getByTestId('pref-showAnnotatorNames')).toHaveCount(0);
    await tabTo(page, 'pref-breakMinutes');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preferences')).toBeHidden();
    await expect(page.getByTestId('content-warning')).toBeVisible();
    const saved = JSON.parse(await readFile(join(demo.userData, 'settings.json'), 'utf8')) as {
      annotators: { id: string; preferences?: { breakMinutes: number } }[];
    };
    expect(saved.annotators.find((a) => a.id === 'kbd-user')?.preferences?.breakMinutes).toBe(7);
    // Esc gives the focus back to the page, where Enter starts labeling.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('item-id')).toBeVisible();
    // An undo says what it took back, on which meme.
    const first = (await page.getByTestId('item-id').textContent()) ?? '';
    for (const k of ['h', '1', 'q', 'Enter']) await page.keyboard.press(k);
    await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
    await page.keyboard.press('z');
    await expect(page.getByTestId('saved-indicator')).toHaveText(
      `Undone: “hateful: race, contempt” on meme ${first}`,
    );
    await expect(page.getByTestId('item-id')).toHaveText(first);
  });
});

test.describe('a lead', () => {
  const demo = serveDemoPerTest(['--annotator', 'lead-1']);

  test('Enter in the search fields goes to the matches; Enter in the score field scores', async ({
    page,
  }) => {
    await page.goto(demo.served.url);
    await becomeLead(page);
    await page.getByTestId('nav-browse').click();
    await expect(page.getByTestId('thumb-1')).toBeVisible();
    await tabTo(page, 'browse-search');
    await page.keyboard.type('coffee');
    await expect(page.getByTestId('browse-count')).toContainText(/^1 meme\b/);
    await expect(page.getByTestId('thumb-grid').getByRole('button')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('thumb-1')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-item-id')).toHaveText('#1');

    await page.getByTestId('nav-score').click();
    await tabTo(page, 'score-path');
    await page.keyboard.type('no-such-predictions.jsonl');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('score-error')).toContainText('no-such-predictions.jsonl');
  });

  test('Go to says where it looked: the whole project for a lead, the queue for an annotator', async ({
    page,
  }) => {
    // As an annotator (lead mode off), a meme the three votes already settled is not in the queue.
    await page.goto(demo.served.url);
    await page.getByTestId('nav-label').click();
    await page.getByTestId('content-warning').waitFor();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('item-id')).toBeVisible();
    const queue = await page.evaluate(() => window.api!.queue.list({ filter: 'all' }));
    const inQueue = new Set(queue.ids.map(String));
    const memes = (await readFile(join(ROOT, 'electron/resources/demo/demo.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: number; text: string });
    const outside = memes.find((m) => !inQueue.has(String(m.id)));
    expect(outside).toBeDefined();
    const text = outside!.text;
    await page.keyboard.press('/');
    await page.keyboard.type(text);
    await expect(page.getByTestId('search-count')).toHaveText(`No meme in your queue matches “${text}”.`);
    await page.keyboard.press('Escape');
    // A lead searches the project: the same meme is found, a text nowhere is "not in this project".
    await becomeLead(page);
    await page.getByTestId('nav-review').click();
    await page.keyboard.press('/');
    await page.keyboard.type(text);
    await expect(page.getByTestId('search-count')).toContainText('1 match in the project');
    await expect(page.getByTestId('search-results')).toContainText(`#${String(outside!.id)}`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('zebra quantum');
    await expect(page.getByTestId('search-count')).toHaveText(
      'No meme in this project matches “zebra quantum”.',
    );
  });

  test('a role change and a member leaving are confirmed first, by keyboard', async ({ page }) => {
    await page.goto(demo.served.url);
    await becomeLead(page);
    await expect(page.getByTestId('role-demo-ann1')).toHaveValue('annotator');

    // Esc on the question keeps the role as it is, in the page and in project.json.
    await tabTo(page, 'role-demo-ann1');
    await page.keyboard.press('ArrowDown');
    const confirm = page.getByTestId('team-confirm');
    await expect(confirm).toContainText('Make demo-ann1 a lead?');
    await expect(page.getByTestId('team-confirm-ok')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(page.getByTestId('role-demo-ann1')).toHaveValue('annotator');
    await expect(page.getByTestId('role-demo-ann1')).toBeFocused();
    expect((await roster(demo.project)).find((r) => r.id === 'demo-ann1')?.role ?? 'annotator').toBe(
      'annotator',
    );

    // Enter on the confirmation makes the change.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('team-confirm-ok')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(page.getByTestId('role-demo-ann1')).toHaveValue('lead');
    await expect
      .poll(async () => (await roster(demo.project)).find((r) => r.id === 'demo-ann1')?.role)
      .toBe('lead');

    // Leaving the team: Space on the checkbox asks; Enter on the focused Cancel keeps them.
    await tabTo(page, 'member-demo-ann2');
    await page.keyboard.press('Space');
    await expect(confirm).toContainText('Mark demo-ann2 as having left the team?');
    await expect(page.getByTestId('team-confirm-ok')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByTestId('team-confirm-cancel')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(page.getByTestId('member-demo-ann2')).toBeChecked();
    await expect(page.getByTestId('member-demo-ann2')).toBeFocused();
    expect((await roster(demo.project)).find((r) => r.id === 'demo-ann2')?.left).toBeUndefined();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('team-confirm-ok')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('member-demo-ann2')).not.toBeChecked();
    await expect
      .poll(async () => (await roster(demo.project)).find((r) => r.id === 'demo-ann2')?.left)
      .toBeTruthy();
  });

  test('Enter in a report name saves the report; a new name clears the old message', async ({ page }) => {
    await page.goto(demo.served.url);
    await becomeLead(page);
    await page.getByTestId('nav-stats').click();
    await expect(page.getByTestId('dashboard')).toBeVisible();
    const done = page.getByTestId('report-json-done');
    await tabTo(page, 'report-json-name');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('agreement-one');
    await page.keyboard.press('Enter');
    const one = join(demo.project, 'exports', 'agreement-one.json');
    await expect(done).toHaveText(`saved to ${one}`);
    expect((await stat(one)).size).toBeGreaterThan(0);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('agreement-two');
    await expect(done).toBeHidden();
    await page.keyboard.press('Enter');
    const two = join(demo.project, 'exports', 'agreement-two.json');
    await expect(done).toHaveText(`saved to ${two}`);
    expect((await stat(two)).size).toBeGreaterThan(0);
  });

  test('the export message is new for each export and goes when the options change', async ({ page }) => {
    await page.goto(demo.served.url);
    await becomeLead(page);
    await page.getByTestId('nav-export').click();
    await expect(page.getByTestId('export-preview')).toContainText('will be written');
    const result = page.getByTestId('export-result');

    // Enter in the name field exports.
    await tabTo(page, 'export-out');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('first');
    await page.keyboard.press('Enter');
    const first = join(demo.project, 'exports', 'first.jsonl');
    await expect(result).toContainText(`Export 1 at`);
    await expect(result).toContainText(first);
    expect((await stat(first)).size).toBeGreaterThan(0);

    // A new name clears the message; the next export says so, with its own file.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('second');
    await expect(result).toBeHidden();
    await page.keyboard.press('Enter');
    const second = join(demo.project, 'exports', 'second.jsonl');
    await expect(result).toContainText('Export 2 at');
    await expect(result).toContainText(second);
    await expect(result).not.toContainText(first);
    // The same name again: still a new message, not the old one left in place.
    await page.keyboard.press('Enter');
    await expect(result).toContainText('Export 3 at');

    // Changing an option leaves no message about a file these options did not make.
    await tabTo(page, 'export-policy');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('export-policy')).toHaveValue('strict');
    await expect(result).toBeHidden();
    await tabTo(page, 'export-run');
    await page.keyboard.press('Enter');
    await expect(result).toContainText('Export 4 at');
    // A filter applied with Enter in its field counts as a change too.
    await tabTo(page, 'export-regions');
    await page.keyboard.type('EU');
    await page.keyboard.press('Enter');
    await expect(result).toBeHidden();
  });
});
