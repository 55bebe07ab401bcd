// A team that can trust its gold (issue 9), by keyboard in a real browser: blind annotators and
// a real lead, review only when ready. Every key doing what it shows: keyboard.spec.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { becomeLead, goToMeme, openLabeling, serveDemoPerTest, startServe } from './serve';
import { jsonl, tabTo } from './teamHelpers';

test.describe('an annotator in a project that has a lead', () => {
  const demo = serveDemoPerTest(['--annotator', 'ann-b']);
  test.beforeEach(async () => {
    // The project's lead is someone else (as the lead's app writes it).
    const config = join(demo.project, '.memejury/project.json');
    const c = JSON.parse(await readFile(config, 'utf8')) as { roster: unknown[] };
    c.roster = [{ id: 'lead-l', role: 'lead' }];
    await writeFile(config, JSON.stringify(c, null, 2));
    await demo.served.stop();
    demo.served = await startServe(demo.project, demo.userData, ['--annotator', 'ann-b']);
  });

  test('labels blind: no team screen, no colleague label, no lead mode, even through the API', async ({
    page,
  }) => {
    await openLabeling(page, demo.served.url);
    const nav = await page.locator('nav button').allTextContents();
    expect(nav.map((t) => t.trim())).toStrictEqual(['Project', 'Label', 'My figures']);
    // The backend refuses the team's data to this profile whatever the page asks.
    const refused = await page.evaluate(async () => {
      const api = window.api!;
      const out: string[] = [];
      for (const call of [
        () => api.review.list({ filter: {} }),
        () => api.review.item({ id: 3 }),
        () => api.stats.dashboard({}),
        () => api.export.preview({ options: { format: 'fghm' } }),
        () => api.lead.set({ on: true }),
        () => api.rights.summary(),
      ])
        out.push(
          await call().then(
            () => 'allowed',
            (e: Error) => e.message,
          ),
        );
      return out;
    });
    for (const m of refused) expect(m).toMatch(/only a lead/);
    // Memes 1–16 are complete; the items shown carry only this annotator's own label.
    const views = await page.evaluate(() => window.api!.item.get({ ids: [3, 17] }));
    expect(views.map((v) => v.mine)).toStrictEqual([null, null]);
    await page.getByTestId('nav-start').click();
    await expect(page.getByTestId('team-annotator')).toContainText('lead-l');
    await expect(page.getByTestId('become-lead')).toHaveCount(0);
  });
});

test.describe('a lead', () => {
  const demo = serveDemoPerTest(['--annotator', 'lead-1']);

  test('reviews only ready memes, closes one early, and Enter on a focused row never decides the meme on display', async ({
    page,
  }) => {
    await page.goto(demo.served.url);
    await becomeLead(page);
    await page.getByTestId('nav-review').click();
    await expect(page.getByTestId('review-count')).toContainText('4 to review');
    await expect(page.getByTestId('review-count')).toContainText('16 of 20 labeled memes ready');
    const adjudications = join(demo.project, '.memejury/adjudications.jsonl');
    const shown = async (): Promise<string> =>
      ((await page.getByTestId('review-item-id').textContent()) ?? '').replace('#', '');
    const first = await shown();
    // Tab to another row and press Enter: it shows that meme, it decides nothing.
    const rows = page.locator('[data-testid^="review-row-"]');
    const other = ((await rows.nth(2).getAttribute('data-testid')) ?? '').replace('review-row-', '');
    expect(other).not.toBe(first);
    await tabTo(page, `review-row-${other}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-item-id')).toHaveText(`#${other}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    expect(await jsonl(adjudications)).toStrictEqual([]);
    // Esc gives the keys back to the page; A accepts the gold of the meme the panel names.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('decision-item')).toHaveText(`#${other}`);
    await page.keyboard.press('a');
    await expect
      .poll(async () => (await jsonl<{ item: number }>(adjudications)).map((a) => String(a.item)))
      .toStrictEqual([other]);

    // Memes 17–20 wait for a third vote: listed apart, closed early on purpose.
    await tabTo(page, 'filter-incomplete');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('review-count')).toContainText('4 waiting for votes');
    await expect(page.getByTestId('review-readiness')).toContainText('waiting: 2 votes');
    await tabTo(page, 'close-early');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-count')).toContainText('3 waiting for votes');
    const lead = await jsonl<{ close?: boolean }>(adjudications);
    expect(lead.filter((l) => l.close === true)).toHaveLength(1);
  });

  test('a focused review row moves along the list with ↓/↑ and J/K, Enter shows it, A never decides it', async ({
    page,
  }) => {
    await page.goto(demo.served.url);
    await becomeLead(page);
    await page.getByTestId('nav-review').click();
    await expect(page.getByTestId('review-count')).toContainText('4 to review');
    const adjudications = join(demo.project, '.memejury/adjudications.jsonl');
    const rows = page.locator('[data-testid^="review-row-"]');
    const ids = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).map((t) =>
      (t ?? '').replace('review-row-', ''),
    );
    expect(ids).toHaveLength(4);
    const focusedRow = (): Promise<string | null> =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    await tabTo(page, `review-row-${ids[0]}`);
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe(`review-row-${ids[1]}`);
    await page.keyboard.press('j');
    expect(await focusedRow()).toBe(`review-row-${ids[2]}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // past the last row: stays there
    expect(await focusedRow()).toBe(`review-row-${ids[3]}`);
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    expect(await focusedRow()).toBe(`review-row-${ids[1]}`);
    // Moving the focus shows nothing new; Enter shows the focused row's meme.
    await expect(page.getByTestId('review-item-id')).toHaveText(`#${ids[0]}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-item-id')).toHaveText(`#${ids[1]}`);
    await expect(page.getByTestId(`review-row-${ids[1]}`)).toHaveAttribute('aria-current', 'true');
    // A on a focused row decides nothing; from the page it decides the meme on display.
    await page.keyboard.press('a');
    await page.waitForTimeout(300);
    expect(await jsonl(adjudications)).toStrictEqual([]);
    // Help says so.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Slash');
    await expect(page.getByTestId('help-screen-note')).toContainText('↓ / ↑ (or J / K) to move the focus');
    await expect(page.getByTestId('help-screen-note')).toContainText('never on a focused row');
    await expect(page.getByTestId('help-accept')).toContainText('meme on display');
    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    await expect
      .poll(async () => (await jsonl<{ item: number }>(adjudications)).map((a) => String(a.item)))
      .toStrictEqual([ids[1]]);
  });

  test('export leaves incomplete memes out and its manifest says how many and why', async ({ page }) => {
    await page.goto(demo.served.url);
    await becomeLead(page);
    const counts = await page.evaluate(() => window.api!.export.preview({ options: { format: 'fghm' } }));
    // 16 ready memes; 4 wait for a vote; 20 were never labeled.
    expect(counts.exported).toBe(16);
    expect(counts.skipped.incomplete).toBe(24);
    const withAll = await page.evaluate(() =>
      window.api!.export.preview({
        options: { format: 'fghm', includeIncomplete: true, includeUnresolved: true },
      }),
    );
    expect(withAll.exported).toBe(40);
  });

  test('a lead who labeled a meme decides it only after saying so, and the decision is marked', async ({
    page,
  }) => {
    // lead-1 labels meme 17 as an annotator first (it then has its third vote).
    await openLabeling(page, demo.served.url);
    await goToMeme(page, '17');
    await expect(page.getByTestId('item-id')).toHaveText('#17');
    for (const k of ['h', '1', 'q', 'Enter']) await page.keyboard.press(k);
    await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
    await becomeLead(page);
    await page.getByTestId('nav-review').click();
    await goToMeme(page, '17');
    await expect(page.getByTestId('own-vote')).toBeVisible();
    await page.keyboard.press('a');
    await expect(page.getByTestId('own-vote-confirm')).toBeVisible();
    await page.keyboard.press('Escape');
    const adjudications = join(demo.project, '.memejury/adjudications.jsonl');
    expect(await jsonl(adjudications)).toStrictEqual([]);
    await page.keyboard.press('a');
    await expect(page.getByTestId('own-vote-confirm-ok')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => jsonl(adjudications)).toMatchObject([{ item: 17, own_vote: true }]);
  });
});

test.describe('two images, one id', () => {
  const demo = serveDemoPerTest(['--annotator', 'ann-d']);
  test('both are items and the project screen says so', async ({ page }) => {
    await writeFile(join(demo.project, 'img/00005.gif'), await readFile(join(demo.project, 'img/00001.png')));
    await demo.served.stop();
    demo.served = await startServe(demo.project, demo.userData, ['--annotator', 'ann-d']);
    await page.goto(demo.served.url);
    await page.getByTestId('nav-start').click();
    await expect(page.getByTestId('project-notices')).toContainText(
      'img/00005.gif: its name gives item id 5, which is already img/00005.webp (demo.jsonl); added as item "img/00005"',
    );
    const found = await page.evaluate(() => window.api!.item.get({ ids: ['img/00005', 5] }));
    expect(found.map((f) => f.img)).toStrictEqual(['img/00005.gif', 'img/00005.webp']);
  });
});
