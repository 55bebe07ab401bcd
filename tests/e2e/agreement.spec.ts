// Figures people can read (issue 9), by keyboard in a real browser: every agreement figure with
// its number of memes, grey with the reason when too few, agreement with gold explained, "< 2 s"
// explained, per-annotator shares on one scale, a one-day timeline that says so, a released FGHM
// import that claims no hate agreement, and a saved JSON report the project never reads as items.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { closeLeadSession, openAsLead, tabTo, type LeadSession } from './leadSession';
import { CLI, DEMO, ROOT, tempCopy } from './serve';

function cli(...args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  expect(r.status, r.stderr).toBe(0);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** From the first screen to the agreement dashboard, by keyboard only. */
async function openDashboard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const warning = page.getByTestId('content-warning');
  const start = page.getByTestId('nav-start');
  await expect(warning.or(start).first()).toBeVisible();
  if (await warning.isVisible()) {
    await page.keyboard.press('Enter');
    await expect(warning).toBeHidden();
  }
  await tabTo(page, 'nav-stats');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  for (const [width, height] of [
    [1024, 640],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    const path = info.outputPath(`${name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    await info.attach(`${name}-${width}`, { path, contentType: 'image/png' });
  }
}

let session: LeadSession | undefined;
test.afterEach(async () => {
  await closeLeadSession(session);
  session = undefined;
});

test('every figure shows its memes; too few are grey with the reason; < 2 s and gold explained; one scale', async ({
  page,
}, info) => {
  session = await openAsLead(await tempCopy(DEMO));
  await openDashboard(page, session.served.url);
  await shot(page, info, 'dashboard');
  const flat = JSON.parse(cli('stats', '--project', session.project, '--json').stdout) as Record<
    string,
    number | null
  >;

  // Every figure carries the memes it is on; the counts are the CLI's.
  const cells = await page.locator('[data-testid^="stat-"]').evaluateAll((els) =>
    els.map((e) => ({
      key: e.getAttribute('data-testid')!.slice(5),
      value: e.getAttribute('data-value') ?? '',
      items: e.getAttribute('data-items'),
      cls: e.getAttribute('class') ?? '',
      text: e.textContent ?? '',
      title: e.getAttribute('title') ?? '',
    })),
  );
  expect(cells.length).toBeGreaterThanOrEqual(56);
  for (const c of cells) expect(c.items, `${c.key} has no item count`).toMatch(/^\d+$/);
  const items = (key: string) => Number(cells.find((c) => c.key === key)?.items);
  expect(items('hate.fleiss_kappa')).toBe(flat['hate.items_full_overlap']);
  expect(items('hate.krippendorff_alpha')).toBe(flat['hate.items_two_or_more']);
  expect(items('pc.race.fleiss_kappa')).toBe(flat['pc.items_full_overlap']);
  expect(items('annotator.demo-ann1.gold_agreement')).toBe(flat['annotator.demo-ann1.gold_items']);
  await expect(page.getByTestId('metrics-hate')).toContainText(`n = ${flat['hate.items_full_overlap']}`);

  // Under 20 memes: grey, "too few", the reason in the tooltip, never a band colour.
  const few = cells.filter((c) => Number(c.items) < 20 && c.value !== '');
  expect(few.length).toBeGreaterThan(0);
  for (const c of few) {
    expect(c.cls, c.key).toContain('level-few');
    expect(c.cls, c.key).not.toMatch(/level-[0-4]/);
    expect(c.text, c.key).toContain('too few');
    expect(c.title, c.key).toMatch(/fewer than 20\): too few to judge/);
  }
  // The demo's categories are on a handful of memes: a perfect κ there is not "almost perfect".
  const perfect = few.filter((c) => c.value === '1' && /(kappa|alpha)$/.test(c.key));
  expect(perfect.length).toBeGreaterThan(0);
  for (const c of perfect) expect(c.title, c.key).not.toMatch(/almost perfect|substantial|reliable/);
  expect(flat['pc.items_full_overlap']).toBeLessThan(20);
  await expect(page.getByTestId('metrics-pc-items')).toContainText('too few to judge');
  // From 20 memes on, a coefficient keeps its band.
  const judged = cells.filter(
    (c) => Number(c.items) >= 20 && c.value !== '' && /(kappa|alpha)$/.test(c.key) && !c.key.includes('masi'),
  );
  expect(judged.length).toBeGreaterThan(0);
  for (const c of judged) expect(c.cls, c.key).toMatch(/level-[0-4]/);

  // "< 2 s" and agreement with gold: a tooltip on the header and a visible legend.
  const table = page.getByTestId('annotator-table');
  await expect(table.locator('th', { hasText: '< 2 s' })).toHaveAttribute('title', /less than 2 seconds/);
  await expect(table.locator('th', { hasText: 'agree w/ gold' })).toHaveAttribute('title', /without it/);
  const legend = page.getByTestId('annotator-legend');
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('Labels saved less than 2 seconds after the meme was shown');
  await expect(legend).toContainText("the gold the meme would have without it: a lead's decision");
  await expect(page.getByTestId('fast-demo-ann1')).toContainText(
    `of ${flat['annotator.demo-ann1.timed_labels']}`,
  );

  // Per-annotator label shares: one scale for everyone.
  const scales = await page
    .locator('[data-testid^="shares-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-max')));
  const annotators = Object.keys(flat).filter((k) => /^annotator\..+\.items_done$/.test(k));
  expect(scales.length).toBe(annotators.length);
  expect(scales.length).toBeGreaterThanOrEqual(2);
  const scale = await page.getByTestId('share-charts').getAttribute('data-scale');
  for (const s of scales) expect(s).toBe(scale);
});

test('a released FGHM import claims no hate agreement; a one-day timeline says so', async ({
  page,
}, info) => {
  const dir = await mkdtemp(join(tmpdir(), 'memejury-e2e-'));
  const project = join(dir, 'project');
  cli('init', project);
  cli('import', join(ROOT, 'tests/fixtures/fghm/dev_seen.json'), '--project', project);
  session = await openAsLead(project);
  await openDashboard(page, session.served.url);
  await shot(page, info, 'dashboard-fghm');

  await expect(page.getByTestId('hate-scope')).toHaveText('(0 memes with two or more counted votes)');
  await expect(page.getByTestId('hate-excluded')).toContainText('fghm-1, fghm-2, fghm-3');
  await expect(page.getByTestId('hate-excluded')).toContainText('only for hateful memes');
  for (const m of ['fleiss_kappa', 'krippendorff_alpha', 'mean_pairwise_cohen_kappa', 'percent_agreement']) {
    await expect(page.getByTestId(`stat-hate.${m}`)).toHaveAttribute('data-value', '');
    await expect(page.getByTestId(`stat-hate.${m}`)).toHaveText('—');
  }
  await expect(page.getByTestId('metrics-hate')).not.toContainText('100');
  await expect(page.getByTestId('heatmap-empty')).toBeVisible();
  await expect(page.getByTestId('annotator-table')).toContainText('not counted');
  // Categories and attacks are still there, as NLTK computes them.
  const masi = Number(await page.getByTestId('stat-pc.alpha_masi').getAttribute('data-value'));
  expect(Math.abs(masi - 0.7454431091580291)).toBeLessThan(1e-12);
  // Every label was imported at one moment.
  await expect(page.getByTestId('chart-timeline-note')).toContainText('made on one day');
  const flat = JSON.parse(cli('stats', '--project', project, '--json').stdout) as Record<
    string,
    number | null
  >;
  expect(flat['hate.fleiss_kappa']).toBeNull();
  expect(flat['hate.items_two_or_more']).toBe(0);
});

test('the JSON report saved by keyboard is never read as an item list', async ({ page }) => {
  session = await openAsLead(await tempCopy(DEMO));
  await openDashboard(page, session.served.url);
  await tabTo(page, 'report-json');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report-json-done')).toContainText('saved to');
  const saved = ((await page.getByTestId('report-json-done').textContent()) ?? '').replace(/^saved to /, '');
  const report = JSON.parse(await readFile(saved, 'utf8')) as {
    kind: string;
    figures: Record<string, unknown>;
  };
  expect(report.kind).toBe('memejury-agreement-report');
  const before = cli('stats', '--project', session.project, '--json');
  const flat = JSON.parse(before.stdout) as Record<string, number | null>;
  expect(report.figures['hate.items_full_overlap']).toBe(flat['hate.items_full_overlap']);

  // The project still has its 40 memes and no warning; the same with the report moved beside the
  // item lists, where the loader looks.
  expect(flat.items).toBe(40);
  expect(before.stderr).toBe('');
  await copyFile(saved, join(session.project, basename(saved)));
  expect((await readdir(session.project)).filter((f) => f.endsWith('.json'))).toStrictEqual([
    basename(saved),
  ]);
  const after = cli('stats', '--project', session.project, '--json');
  expect(JSON.parse(after.stdout)).toMatchObject({ items: 40 });
  expect(after.stderr).toBe('');
  // And the app, reloaded, shows the same dashboard (no item-list error).
  await page.reload();
  await expect(page.getByTestId('annotator').or(page.getByTestId('content-warning')).first()).toBeVisible();
  await expect(page.locator('.banner.error')).toHaveCount(0);
});
