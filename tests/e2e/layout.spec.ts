// A lead's screens on a small laptop window (1024×640): the header fits (no item cut off or broken
// inside), the page never scrolls sideways, blurred thumbnails stay in their frames, and the help
// fits the window with its Close button in view, the focus kept inside.
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { becomeLead, serveDemoPerTest } from './serve';

const demo = serveDemoPerTest(['--annotator', 'lead-1']);
test.use({ viewport: { width: 1024, height: 640 } });

/** Whether the page is wider than the window (a sideways scroll). */
const overflows = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test('at 1024×640 the header, the screens, the thumbnails and the help fit', async ({ page }) => {
  await page.goto(demo.served.url);
  await becomeLead(page);
  // Every header item inside the window, each on one line (a button one line high).
  const items = await page.locator('.app-header nav button, .app-header > button, .app-header > span').all();
  expect(items.length).toBeGreaterThan(9);
  for (const item of items) {
    const box = await item.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
    expect(box!.height).toBeLessThan(40);
  }
  for (const screen of ['start', 'review', 'browse', 'stats', 'export', 'rights']) {
    await page.getByTestId(`nav-${screen}`).click();
    await page.waitForLoadState('networkidle');
    expect(await overflows(page), screen).toBe(false);
  }

  // The votes of three annotators fit the review column, with the guidelines version each was
  // given under and a long note: the annotators' lines for the meme on display say so again.
  await page.getByTestId('nav-review').click();
  const votes = page.getByTestId('votes');
  await expect(votes).toBeVisible();
  const shown = Number(((await page.getByTestId('review-item-id').textContent()) ?? '').slice(1));
  for (const a of ['demo-ann1', 'demo-ann2', 'demo-ann3']) {
    const file = join(demo.project, '.memejury/annotations', `${a}.jsonl`);
    const mine = (await readFile(file, 'utf8'))
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { item: number })
      .filter((l) => l.item === shown)
      .at(-1);
    const again = { ...mine, gv: 'bd689a0dfcbd2875a1686eadd289110c05c315bdf1bff6c9f10843410a542f88' };
    await appendFile(
      file,
      JSON.stringify({ ...again, note: 'see-the-thread-about-this-one'.repeat(3) }) + '\n',
    );
  }
  await expect(votes.getByTestId('vote-guidelines')).toContainText('bd689a0dfcbd');
  expect(await overflows(page), 'review with versions and notes').toBe(false);
  const inside = await votes.evaluate((t) => {
    const column = t.parentElement!.getBoundingClientRect();
    return t.getBoundingClientRect().right <= column.right + 0.5;
  });
  expect(inside).toBe(true);

  // A blurred thumbnail is clipped by its frame.
  await page.getByTestId('nav-browse').click();
  await expect(page.getByTestId('thumb-1').locator('img')).toHaveClass(/blurred/);
  expect(
    await page
      .getByTestId('thumb-1')
      .locator('.thumb-frame')
      .evaluate((el) => getComputedStyle(el).overflow),
  ).toBe('hidden');

  // The help on the labeling screen: inside the window, scrolling inside, Close in view.
  await page.getByTestId('nav-label').click();
  await expect(page.getByTestId('content-warning')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-id')).toBeVisible();
  await page.keyboard.press('Shift+Slash');
  const help = page.getByTestId('help-overlay');
  await expect(help).toBeVisible();
  const box = (await help.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(640);
  await expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport();
  await expect(help.getByRole('button', { name: /Close/ })).toBeInViewport();
  const scroll = page.getByTestId('help-scroll');
  expect(await scroll.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  // Tab stays in the dialog; the scrolling list takes the focus, so arrows scroll it.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  }
  await scroll.focus();
  await page.keyboard.press('End');
  await expect.poll(() => scroll.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
