// Browser mode when `memejury serve` stops under the page: every failed call says so in words,
// and no key or button throws.
import { expect, test } from '@playwright/test';
import { openLabeling, serveDemoPerTest } from './serve';

const GONE = 'The Meme Jury server is not answering: it may have stopped.';

test.describe('the server stops under an open page', () => {
  const demo = serveDemoPerTest(['--annotator', 'ann-s']);

  test('a save and Check again say the server is not answering; nothing is thrown', async ({ page }) => {
    const thrown: string[] = [];
    page.on('pageerror', (e) => thrown.push(e.message));
    await openLabeling(page, demo.served.url);
    const todo = Number(((await page.getByTestId('filter-todo').textContent()) ?? '').replace(/\D/g, ''));
    for (let i = 0; i < todo - 1; i++) await page.keyboard.press('s');
    const last = ((await page.getByTestId('item-id').textContent()) ?? '').replace('#', '');
    // Its image is loaded before the server stops: an image cut off by the stop is a broken meme,
    // which takes no label (CI once stopped the server while the image was on its way).
    await expect
      .poll(() => page.getByTestId('meme-image').evaluate((el) => (el as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await demo.served.stop();
    // The last answer cannot reach the disk: the banner names the meme and the reason.
    await page.keyboard.press('n');
    await expect(page.getByTestId('save-error')).toContainText(`Not saved (item ${last}): ${GONE}`);
    await expect(page.getByTestId('save-error')).not.toContainText('Failed to fetch');
    // The end of the pass: Enter on its button asks the server again, and says it is not there.
    await expect(page.getByTestId('queue-again')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasNotText: 'Not saved' })).toContainText(GONE);
    await page.waitForTimeout(300);
    expect(thrown).toStrictEqual([]);
  });
});
