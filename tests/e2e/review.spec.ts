// The lead's review by keyboard: an incomplete hateful decision is asked about, and making a
// decision a known answer is confirmed, keeps the meme on display and says what happened.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { closeLeadSession, openAsLead, tabTo, type LeadSession } from './leadSession';
import { DEMO, tempCopy } from './serve';

let s: LeadSession | undefined;
test.beforeEach(async () => {
  s = await openAsLead(await tempCopy(DEMO));
});
test.afterEach(async () => {
  await closeLeadSession(s);
  s = undefined;
});

async function lines(file: string): Promise<Record<string, unknown>[]> {
  return (await readFile(join(s!.project, '.memejury', file), 'utf8').catch(() => ''))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function openReview(page: Page): Promise<string> {
  await page.goto(s!.served.url);
  await page.getByTestId('nav-start').click();
  await tabTo(page, 'lead-toggle');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lead-toggle')).toHaveText(/Turn off lead mode/);
  await tabTo(page, 'nav-review');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('review-item')).toBeVisible();
  return ((await page.getByTestId('review-item-id').textContent()) ?? '').slice(1);
}

test('a hateful decision without a category or an attack type is asked about before it is saved', async ({
  page,
}) => {
  const id = await openReview(page);
  // Not hateful clears the policy's labels; hateful alone has neither category nor attack.
  for (const k of ['n', 'h', 'Enter']) await page.keyboard.press(k);
  const ask = page.getByTestId('confirm-incomplete');
  await expect(ask).toContainText('Hateful, but incomplete');
  await expect(ask).toContainText('without a protected category and an attack type');
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  expect(await lines('adjudications.jsonl')).toHaveLength(0);
  // With a category but no attack, asked again; confirmed, it is saved as it is.
  for (const k of ['1', 'Enter']) await page.keyboard.press(k);
  await expect(ask).toContainText('without an attack type');
  await expect(page.getByTestId('confirm-incomplete-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await lines('adjudications.jsonl')).length).toBe(1);
  expect((await lines('adjudications.jsonl'))[0]).toMatchObject({
    item: Number(id),
    hate: 'hateful',
    pc: ['race'],
    attack: [],
  });
});

test('making a decision a known answer is confirmed, keeps the meme on display and says so', async ({
  page,
}) => {
  const id = await openReview(page);
  await expect(page.getByTestId(`review-row-${id}`)).toBeVisible();
  for (const k of ['n', 'h', '1', 'q']) await page.keyboard.press(k);
  await tabTo(page, 'known-set');
  await page.keyboard.press('Enter');
  const ask = page.getByTestId('known-confirm');
  await expect(ask).toContainText(`Make meme #${id} a known answer?`);
  await expect(page.getByTestId('known-confirm-labels')).toHaveText(
    'hateful · categories: race · attacks: contempt',
  );
  // Cancel writes nothing.
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  expect(await lines('known.jsonl')).toHaveLength(0);
  await expect(page.getByTestId('known-set')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('known-confirm-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  // The same meme stays on display, out of the list, and a status line says what happened.
  await expect(page.getByTestId('review-notice')).toHaveText(`Meme #${id} is now a known answer`);
  await expect(page.getByTestId('review-item-id')).toHaveText(`#${id}`);
  await expect(page.getByTestId('review-readiness')).toHaveText('known answer');
  await expect(page.getByTestId(`review-row-${id}`)).toHaveCount(0);
  expect(await lines('known.jsonl')).toMatchObject([
    { item: Number(id), hate: 'hateful', pc: ['race'], attack: ['contempt'] },
  ]);
  // A second Enter neither marks another meme nor undoes this one (the focus left the button).
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect((await lines('known.jsonl')).map((k) => k.item)).toStrictEqual([Number(id)]);
});

test('Z after a decision takes it back, even once the list has moved on, and shows that meme again', async ({
  page,
}) => {
  const first = await openReview(page);
  // Accepted: the meme leaves the list and the next one is on display.
  await page.keyboard.press('a');
  await expect.poll(async () => (await lines('adjudications.jsonl')).length).toBe(1);
  await expect(page.getByTestId('review-item-id')).not.toHaveText(`#${first}`);
  await page.keyboard.press('z');
  await expect(page.getByTestId('review-item-id')).toHaveText(`#${first}`);
  await expect(page.getByTestId('review-notice')).toHaveText(`Decision on meme #${first} taken back`);
  await expect
    .poll(async () => (await lines('adjudications.jsonl')).map((l) => Boolean(l.undo)))
    .toStrictEqual([false, true]);
  // Nothing left to take back here: it says so, and writes nothing.
  await page.keyboard.press('z');
  await expect(page.getByTestId('review-notice')).toHaveText(
    'Nothing to undo: this meme has no decision, and none was made here yet',
  );
  expect(await lines('adjudications.jsonl')).toHaveLength(2);
});
