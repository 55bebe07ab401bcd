// Labeling by keyboard in a real browser (issue 9): every control works from the keyboard, every
// key does what it shows, and the counters, breaks and help agree with what was saved.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { becomeLead, openLabeling, serveDemoPerTest, startServe } from './serve';
import { itemId, jsonl, tabTo, type Line } from './teamHelpers';

test.describe('labeling by keyboard', () => {
  const demo = serveDemoPerTest(['--annotator', 'ann-k']);
  const mine = (): Promise<Line[]> => jsonl<Line>(join(demo.project, '.memejury/annotations/ann-k.jsonl'));

  test('a focused control gets Enter and Space: tabs, navigation and preferences work by keyboard', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    await tabTo(page, 'filter-all');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('filter-all')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Space');
    expect(await mine()).toStrictEqual([]);
    await tabTo(page, 'open-preferences');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preferences')).toBeVisible();
    await tabTo(page, 'pref-greyscale');
    await page.keyboard.press('Space');
    await tabTo(page, 'save-preferences');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preferences')).toBeHidden();
    await expect(page.getByTestId('meme-image')).toHaveClass(/grey/);
    // The focus came back to the Preferences button; Esc hands the keys back to the page.
    await expect(page.getByTestId('open-preferences')).toBeFocused();
    await page.keyboard.press('Escape');
    const before = await itemId(page);
    await page.keyboard.press('n');
    await expect(page.getByTestId('item-id')).not.toHaveText(`#${before}`);
    await tabTo(page, 'nav-start');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('projects')).toBeVisible();
  });

  test('Enter on the focused Cancel cancels; a dialog keeps the focus and gives it back', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    await page.keyboard.press('h');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('confirm-incomplete')).toBeVisible();
    await expect(page.getByTestId('confirm-incomplete-ok')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByTestId('confirm-incomplete-cancel')).toBeFocused();
    // Tab cycles inside the dialog and never leaves it.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    await page.getByTestId('confirm-incomplete-cancel').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('confirm-incomplete')).toBeHidden();
    expect(await mine()).toStrictEqual([]);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });

  test('zoom reaches every part of the meme, pans by keyboard and shows its level', async ({ page }) => {
    await openLabeling(page, demo.served.url);
    await page.keyboard.press('Space');
    // The demo's memes are 400×300: at 300% they overflow any frame of this window.
    for (let i = 0; i < 4; i++) await page.keyboard.press('=');
    await expect(page.getByTestId('zoom-level')).toHaveText('300%');
    const frame = page.getByTestId('image-scroll');
    const geometry = () =>
      frame.evaluate((el) => {
        const img = el.querySelector('img') as HTMLImageElement;
        const f = el.getBoundingClientRect();
        const i = img.getBoundingClientRect();
        return {
          left: el.scrollLeft,
          top: el.scrollTop,
          maxLeft: el.scrollWidth - el.clientWidth,
          maxTop: el.scrollHeight - el.clientHeight,
          imgLeft: i.left - f.left + el.scrollLeft,
          imgTop: i.top - f.top + el.scrollTop,
          imgRight: i.right - f.left + el.scrollLeft,
          imgBottom: i.bottom - f.top + el.scrollTop,
          scrollWidth: el.scrollWidth,
          scrollHeight: el.scrollHeight,
        };
      });
    // The geometry is the decoded image's: wait until it is (a slower machine decodes later).
    await expect
      .poll(() => frame.evaluate((el) => (el.querySelector('img') as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    const g = await geometry();
    // The whole image lies inside the scrollable area: its top and left edges are reachable.
    expect(g.imgLeft).toBeGreaterThanOrEqual(0);
    expect(g.imgTop).toBeGreaterThanOrEqual(0);
    expect(g.imgRight).toBeLessThanOrEqual(g.scrollWidth + 1);
    expect(g.imgBottom).toBeLessThanOrEqual(g.scrollHeight + 1);
    expect(g.maxLeft + g.maxTop).toBeGreaterThan(0);
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(async () => (await geometry()).left).toBe(g.maxLeft);
    await expect.poll(async () => (await geometry()).top).toBe(g.maxTop);
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowLeft');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(async () => (await geometry()).left + (await geometry()).top).toBe(0);
    await page.keyboard.press('o');
    await expect(page.getByTestId('zoom-level')).toHaveText('100%');
  });

  test('the end of the queue agrees with the counters: skipped memes come back with Enter', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    const todo = Number(((await page.getByTestId('filter-todo').textContent()) ?? '').replace(/\D/g, ''));
    expect(todo).toBe(24);
    for (let i = 0; i < todo; i++) await page.keyboard.press('s');
    await expect(page.getByTestId('queue-empty')).toContainText(`${todo} skipped memes still to do`);
    await expect(page.getByTestId('queue-again')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('item-id')).toBeVisible();
    await page.keyboard.press('n');
    await expect.poll(async () => (await mine()).length).toBe(1);
  });

  test('at the end of the queue the focused button keeps Enter, and the page keys still work: Z takes the last answer back', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    const todo = Number(((await page.getByTestId('filter-todo').textContent()) ?? '').replace(/\D/g, ''));
    for (let i = 0; i < todo - 1; i++) await page.keyboard.press('s');
    const last = await itemId(page);
    await page.keyboard.press('n');
    await expect(page.getByTestId('queue-again')).toBeFocused();
    await expect.poll(async () => (await mine()).length).toBe(1);
    // Z on the focused button: the answer is taken back and its meme comes back.
    await page.keyboard.press('z');
    await expect(page.getByTestId('item-id')).toHaveText(`#${last}`);
    await expect.poll(async () => (await mine()).map((l) => Boolean(l.undo))).toStrictEqual([false, true]);
    // ? on it opens the help; Esc closes it and gives the focus back to the button.
    await page.keyboard.press('s');
    await expect(page.getByTestId('queue-again')).toBeFocused();
    await page.keyboard.press('Shift+Slash');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByTestId('queue-again')).toBeFocused();
    // Enter is still the button's: the pass starts again, and no key answered anything meanwhile.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('item-id')).toBeVisible();
    expect(await mine()).toHaveLength(2);
  });

  test('on a German keyboard Z (the key at the US Y place) takes the answer back, not a label', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    const first = await itemId(page);
    await page.keyboard.press('n');
    await expect.poll(async () => (await mine()).length).toBe(1);
    // What the Z key of a QWERTZ keyboard sends: the letter z from the place of the US Y.
    const cdp = await page.context().newCDPSession(page);
    for (const type of ['keyDown', 'keyUp'] as const)
      await cdp.send('Input.dispatchKeyEvent', {
        type,
        key: 'z',
        code: 'KeyY',
        text: type === 'keyDown' ? 'z' : undefined,
        windowsVirtualKeyCode: 90,
      });
    await expect(page.getByTestId('item-id')).toHaveText(`#${first}`);
    await expect.poll(async () => (await mine()).map((l) => Boolean(l.undo))).toStrictEqual([false, true]);
  });

  test('the end of the Flagged tab says it is the end of that list, not that there are none', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    const flaggedId = await itemId(page);
    await page.keyboard.press('f');
    await page.keyboard.press('n');
    await expect.poll(async () => (await mine()).filter((l) => l.flag).length).toBe(1);
    await tabTo(page, 'filter-flagged');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('filter-flagged')).toContainText('1');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('item-id')).toHaveText(`#${flaggedId}`);
    // Answering it again (still flagged) reaches the end of the list: it is still there.
    await page.keyboard.press('n');
    await expect(page.getByTestId('queue-empty')).toContainText('End of the flagged list: 1 flagged meme');
    await expect(page.getByTestId('queue-empty')).not.toContainText('No flagged');
    await expect(page.getByTestId('filter-flagged')).toContainText('1');
    await expect(page.getByTestId('queue-again')).toBeFocused();
    // ← goes back to it; at the end again, Enter (Check again) shows it from the start.
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('item-id')).toHaveText(`#${flaggedId}`);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('queue-again')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('item-id')).toHaveText(`#${flaggedId}`);
  });

  test('the position beside the meme agrees with Mine: a distressing skip leaves both totals', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    const pos = page.getByTestId('item-pos');
    const mineBar = page.getByTestId('progress-mine');
    await expect(pos).toHaveText('1 / 24');
    await expect(mineBar).toContainText('Mine 0 / 24');
    for (let i = 0; i < 10; i++) await page.keyboard.press('n');
    await expect(mineBar).toContainText('Mine 10 / 24');
    await expect(pos).toHaveText('11 / 24');
    // D: the meme leaves my work, in both counters.
    await page.keyboard.press('d');
    await expect(mineBar).toContainText('Mine 10 / 23');
    await expect(pos).toHaveText('11 / 23');
    // S passes one over: it is still to do, so the next meme is my 12th of 23.
    await page.keyboard.press('s');
    await expect(pos).toHaveText('12 / 23');
    await page.keyboard.press('n');
    await expect(mineBar).toContainText('Mine 11 / 23');
    await expect(pos).toHaveText('13 / 23');
    // Back to the answered one: no number of its own (Mine counts it among the answered).
    await page.keyboard.press('ArrowLeft');
    await expect(pos).toHaveText('answered / 23');
    // Undo of the last answer puts it back to do.
    await page.keyboard.press('z');
    await expect(mineBar).toContainText('Mine 10 / 23');
    await expect(pos).toHaveText('12 / 23');
    // Back past the one passed over to the distressing skip: it says skipped, not answered.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(pos).toHaveText('skipped / 23');
  });

  test('breaks and the session cap count real saves only; undo keeps the note and flag it restores', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    await page.getByTestId('open-preferences').click();
    await page.getByTestId('pref-sessionCap').fill('2');
    await page.getByTestId('save-preferences').click();
    await expect(page.getByTestId('preferences')).toBeHidden();
    const first = await itemId(page);
    // A note and a flag, then not hateful: one real save.
    await page.keyboard.press('c');
    await page.getByTestId('note-text').fill('first note');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('f');
    await page.keyboard.press('n');
    await expect.poll(async () => (await mine()).length).toBe(1);
    // A skip, an abandoned incomplete answer, and a relabel of the same meme are not new work.
    await page.keyboard.press('s');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('item-id')).toHaveText(`#${first}`);
    await expect(page.getByTestId('note-preview')).toContainText('first note');
    await page.keyboard.press('c');
    await page.getByTestId('note-text').fill('second note');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('f');
    await page.keyboard.press('n');
    await expect.poll(async () => (await mine()).length).toBe(2);
    await expect(page.getByTestId('session-cap')).toHaveCount(0);
    // Undo the relabel: the first label comes back with its own note and flag.
    await page.keyboard.press('z');
    await expect(page.getByTestId('item-id')).toHaveText(`#${first}`);
    await expect(page.getByTestId('note-preview')).toContainText('first note');
    await expect(page.getByTestId('flag')).toHaveText(/Flagged/);
    await expect.poll(async () => (await mine()).at(-1)?.undo).toBe(true);
    // A second meme is the second real save: now the cap.
    await page.keyboard.press('s');
    await page.keyboard.press('n');
    await expect(page.getByTestId('session-cap')).toBeVisible();
  });

  test('help lists exactly the keys of its screen', async ({ page }) => {
    await openLabeling(page, demo.served.url);
    await page.keyboard.press('Shift+Slash');
    const help = page.getByTestId('help-overlay');
    await expect(help.getByTestId('help-reportBroken')).toBeVisible();
    await expect(help.getByTestId('help-panLeft')).toBeVisible();
    await expect(help.getByTestId('help-accept')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await becomeLead(page);
    await page.getByTestId('nav-review').click();
    await page.keyboard.press('Shift+Slash');
    await expect(help.getByTestId('help-accept')).toBeVisible();
    await expect(help.getByTestId('help-submit')).toContainText('Save the decision for the meme on display');
    await expect(help.getByTestId('help-skipDistressing')).toHaveCount(0);
  });

  test('an image that cannot be decoded is shown as broken, skipped with B and reported to the lead', async ({
    page,
  }) => {
    await writeFile(join(demo.project, 'img/garbled.png'), 'not an image at all');
    await demo.served.stop();
    demo.served = await startServe(demo.project, demo.userData, ['--annotator', 'ann-k']);
    await openLabeling(page, demo.served.url);
    await page.keyboard.press('/');
    await page.keyboard.type('garbled');
    await expect(page.getByTestId('search-count')).toContainText('1 match');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('image-broken')).toBeVisible();
    await expect(page.getByTestId('chip-hateful')).toBeDisabled();
    await page.keyboard.press('n');
    expect(await mine()).toStrictEqual([]);
    await page.keyboard.press('b');
    await expect
      .poll(async () => (await mine()).map((l) => [l.item, l.skip]))
      .toStrictEqual([['img/garbled', 'broken']]);
    await becomeLead(page);
    await page.getByTestId('nav-review').click();
    await expect(page.getByTestId('review-row-img/garbled')).toContainText('Image broken');
  });

  test('stale errors disappear when the action succeeds', async ({ page }) => {
    await page.goto(demo.served.url);
    await page.getByTestId('nav-start').click();
    await page.getByTestId('project-path').fill('no/such/folder');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('start-error')).toBeVisible();
    await page.getByTestId('open-demo').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('start-error')).toHaveCount(0);
  });
});
