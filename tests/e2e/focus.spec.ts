// After an action that takes away the control it was pressed on, the keyboard goes on from a
// sensible place (the new profile, the lead-mode switch, what a save or forgetting did, the
// button that undoes a close), never from the top of the page.
import { expect, test, type Page } from '@playwright/test';
import { tabTo } from './leadSession';
import { serveDemoPerTest } from './serve';

const focused = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** From the project screen, by keyboard: "Become this project's lead" hands the focus on. */
async function becomeLeadByKeyboard(page: Page): Promise<void> {
  await tabTo(page, 'become-lead');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lead-toggle')).toHaveText(/Turn off lead mode/);
  await expect(page.getByTestId('lead-toggle')).toBeFocused();
}

test.describe('a new user', () => {
  const demo = serveDemoPerTest();

  test('Add profile leaves the focus on the new profile', async ({ page }) => {
    await page.goto(demo.served.url);
    await expect(page.getByTestId('profiles')).toBeVisible();
    await tabTo(page, 'new-profile-id');
    await page.keyboard.type('ann-f');
    await tabTo(page, 'create-profile');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('profile-ann-f')).toBeFocused();
    // And from the id field with Enter.
    await tabTo(page, 'new-profile-id');
    await page.keyboard.type('ann-g');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('profile-ann-g')).toBeFocused();
  });
});

test.describe('a lead', () => {
  const demo = serveDemoPerTest(['--annotator', 'lead-1']);

  test('becoming the lead, saving provenance and forgetting keep the focus on the page', async ({ page }) => {
    await page.goto(demo.served.url);
    await page.getByTestId('nav-start').click();
    await becomeLeadByKeyboard(page);

    await page.getByTestId('nav-rights').click();
    await tabTo(page, 'rights-id');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await tabTo(page, 'prov-source');
    await page.keyboard.type('forum scrape 2026');
    await tabTo(page, 'prov-save');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('prov-saved')).toHaveText('Provenance of meme #3 saved (source).');
    await expect(page.getByTestId('prov-saved')).toBeFocused();
    // Tab goes on from there: the next control is the history or the forget form, not the top.
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toBe('nav-start');

    await tabTo(page, 'forget-reason');
    await page.keyboard.type('erasure request #12');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('forget-confirm-cancel')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('forget-result')).toContainText('Forgotten');
    await expect(page.getByTestId('forget-result')).toBeFocused();
  });

  test('Close early keeps the meme on display and the focus on Reopen', async ({ page }) => {
    await page.goto(demo.served.url);
    await page.getByTestId('nav-start').click();
    await becomeLeadByKeyboard(page);
    await page.getByTestId('nav-review').click();
    await tabTo(page, 'filter-incomplete');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('review-count')).toContainText('4 waiting for votes');
    await expect(page.getByTestId('review-readiness')).toContainText('waiting');
    const id = (await page.getByTestId('review-item-id').textContent()) ?? '';
    await tabTo(page, 'close-early');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-count')).toContainText('3 waiting for votes');
    await expect(page.getByTestId('review-item-id')).toHaveText(id);
    await expect(page.getByTestId('review-notice')).toContainText(`Meme ${id} is closed early`);
    await expect(page.getByTestId('reopen')).toBeFocused();
    // Reopen undoes it, and the focus goes back to Close early.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-count')).toContainText('4 waiting for votes');
    await expect(page.getByTestId('close-early')).toBeFocused();
  });
});
