// Annotator wellbeing in browser mode: content warning, break reminders with the count of
// hateful memes, the session cap, greyscale, and "skip: distressing" that is never counted.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tabTo } from './leadSession';
import { openLabeling, serveDemoPerTest } from './serve';

const demo = serveDemoPerTest(['--annotator', 'well-ann']);

async function next(page: Page, keys: string[]): Promise<void> {
  const before = await page.getByTestId('item-id').textContent();
  for (const k of keys) await page.keyboard.press(k);
  await expect(page.getByTestId('item-id')).not.toHaveText(before as string);
}

async function setPrefs(page: Page, prefs: { cap?: number; greyscale?: boolean }): Promise<void> {
  await page.getByTestId('open-preferences').click();
  if (prefs.cap !== undefined) await page.getByTestId('pref-sessionCap').fill(String(prefs.cap));
  if (prefs.greyscale) await page.getByTestId('pref-greyscale').check();
  await page.getByTestId('save-preferences').click();
  await expect(page.getByTestId('preferences')).toBeHidden();
}

test('a break reminder after 20 minutes says how many hateful memes were seen, and the break is real', async ({
  page,
}, info) => {
  await page.clock.install();
  await openLabeling(page, demo.served.url);
  await next(page, ['h', '1', 'q', 'Enter']);
  await next(page, ['n']);
  await next(page, ['h', '2', 'w', 'Enter']);
  await expect(page.getByTestId('break-reminder')).toBeHidden();
  await page.clock.fastForward('20:01');
  await expect(page.getByTestId('break-reminder')).toBeVisible();
  await expect(page.getByTestId('break-hateful')).toHaveText('2');
  await page.screenshot({ path: info.outputPath('break.png') });
  // Keys do nothing while the reminder is up.
  const id = await page.getByTestId('item-id').textContent();
  await page.keyboard.press('n');
  await expect(page.getByTestId('item-id')).toHaveText(id as string);
  await page.getByTestId('take-break').click();
  await expect(page.getByTestId('break-continue')).toBeDisabled();
  await page.clock.fastForward('05:01');
  await expect(page.getByTestId('pause-countdown')).toHaveText('Break over.');
  await page.getByTestId('break-continue').click();
  await expect(page.getByTestId('break-reminder')).toBeHidden();
  await next(page, ['n']);
});

test('the session cap suggests stopping; greyscale applies', async ({ page }) => {
  await openLabeling(page, demo.served.url);
  await setPrefs(page, { cap: 3, greyscale: true });
  await expect(page.getByTestId('meme-image')).toHaveClass(/grey/);
  await next(page, ['n']);
  await next(page, ['n']);
  await next(page, ['n']);
  await expect(page.getByTestId('session-cap')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('session-stopped')).toContainText('3 memes labeled');
});

test('the session cap counts across screens, starts on Stop here, and label keys never dismiss it', async ({
  page,
}) => {
  await openLabeling(page, demo.served.url);
  await setPrefs(page, { cap: 3 });
  await next(page, ['n']);
  await next(page, ['n']);
  // Away to My figures and back, by keyboard: the session goes on (2 of 3 so far).
  await tabTo(page, 'nav-mine');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('my-figures')).toBeVisible();
  await tabTo(page, 'nav-label');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-id')).toBeVisible();
  // The label screen is back with its counts, and Esc has given the keys to the page.
  await expect(page.getByTestId('filter-done')).toContainText('2');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await next(page, ['n']);
  const cap = page.getByTestId('session-cap');
  await expect(cap).toBeVisible();
  await expect(page.getByTestId('session-cap-labeled')).toHaveText('3');
  await expect(page.getByTestId('session-cap-cancel')).toBeFocused();
  // A habitual answer's keys label nothing and leave the cap up; its Enter presses Stop here.
  const id = await page.getByTestId('item-id').textContent();
  for (const k of ['h', '1', 'y', 'n', 'd']) await page.keyboard.press(k);
  await expect(cap).toBeVisible();
  await expect(page.getByTestId('item-id')).toHaveText(id as string);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-stopped')).toContainText('3 memes labeled');
  const lines = (await readFile(join(demo.project, '.memejury/annotations/well-ann.jsonl'), 'utf8'))
    .trim()
    .split('\n');
  expect(lines).toHaveLength(3);
});

test('skip: distressing needs no reason, is recorded, and never counts as work done', async ({ page }) => {
  await openLabeling(page, demo.served.url);
  await expect(page.getByTestId('filter-done')).toContainText('0');
  const todo = Number((await page.getByTestId('filter-todo').textContent())?.replace(/\D/g, ''));
  await next(page, ['d']);
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  const line = JSON.parse(
    (await readFile(join(demo.project, '.memejury/annotations/well-ann.jsonl'), 'utf8')).trim(),
  );
  expect(line).toMatchObject({ hate: null, skip: 'distressing', pc: [], attack: [] });
  await expect(page.getByTestId('filter-done')).toContainText('0');
  await expect(page.getByTestId('filter-todo')).toContainText(String(todo - 1));
  // It does not count against the annotator in their figures either (nor in the lead's, which
  // read the same figures): no label, no time, nothing done.
  await page.getByTestId('nav-mine').click();
  await expect(page.getByTestId('my-figures')).toContainText('No labels of yours');
});
