// The lead's workflows in browser mode: review by keyboard, the dashboard against the CLI, export,
// and labels synced in from another machine appearing live.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { becomeLead, CLI, ROOT, serveDemoPerTest } from './serve';

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}

function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

async function jsonl(path: string): Promise<Record<string, unknown>[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const demo = serveDemoPerTest(['--annotator', 'lead-1']);

test('a lead resolves three disagreements by keyboard; the export holds those decisions', async ({
  page,
}, info) => {
  await page.goto(demo.served.url);
  // An annotator's app has no Review: lead-1 first takes the lead role the demo leaves open.
  await expect(page.getByTestId('nav-review')).toHaveCount(0);
  await becomeLead(page);
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId('review-item')).toBeVisible();
  await expect(page.getByTestId('review-count')).toContainText('4 to review');
  await shot(page, info, 'review');
  const decided: number[] = [];
  for (let i = 0; i < 3; i++) {
    const id = Number((await page.getByTestId('review-item-id').textContent())?.slice(1));
    decided.push(id);
    // N clears the policy's suggestion; then hateful, race, contempt, decide.
    for (const k of ['n', 'h', '1', 'q', 'Enter']) await page.keyboard.press(k);
    await expect(page.getByTestId('review-count')).toContainText(`${3 - i} to review`);
    // The next item's details load after the list: wait for them before deciding again.
    await expect(page.getByTestId('review-item-id')).not.toHaveText(`#${id}`);
  }
  const adjudications = await jsonl(join(demo.project, '.memejury/adjudications.jsonl'));
  expect(adjudications.map((a) => a.item).sort()).toStrictEqual([...decided].sort());
  for (const a of adjudications)
    expect(a).toMatchObject({ lead: 'lead-1', hate: 'hateful', pc: ['race'], attack: ['contempt'] });

  await page.getByTestId('nav-export').click();
  // Browser mode takes a file name; the server writes it under the project's exports/ folder.
  const out = join(demo.project, 'exports', 'gold.jsonl');
  await page.getByTestId('export-out').fill('gold');
  await expect(page.getByTestId('export-preview')).toContainText('will be written');
  await shot(page, info, 'export');
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result')).toContainText(out);
  const exported = await jsonl(out);
  for (const id of decided) {
    const rec = exported.find((r) => r.id === id);
    expect(rec, `item ${id} exported`).toMatchObject({
      gold_hate: ['hateful'],
      gold_pc: ['race'],
      gold_attack: ['contempt'],
    });
  }
  // The CLI's export of the same folder agrees with the app's.
  const cliOut = join(demo.project, 'export', 'cli.jsonl');
  cli('export', '--project', demo.project, '--out', cliOut);
  expect(await jsonl(cliOut)).toStrictEqual(exported);
});

test('the dashboard shows the figures that memejury stats --json prints', async ({ page }, info) => {
  const flat = JSON.parse(cli('stats', '--project', demo.project, '--json')) as Record<string, number | null>;
  await page.goto(demo.served.url);
  await becomeLead(page);
  await page.getByTestId('nav-stats').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await shot(page, info, 'dashboard');
  const shown = await page
    .locator('[data-testid^="stat-"]')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-testid')!.slice(5), e.getAttribute('data-value') ?? ''] as const),
    );
  let compared = 0;
  for (const [key, value] of shown) {
    if (!(key in flat)) continue;
    const want = flat[key];
    if (want === null) expect(value, key).toBe('');
    else expect(Math.abs(Number(value) - want), key).toBeLessThan(1e-12);
    compared++;
  }
  // hate (4) + per label 4 × 12 + alpha MASI × 2.
  expect(compared).toBeGreaterThanOrEqual(54);
  // Every pair's κ that stats prints is on the heat map under the same key (pairs named in one
  // order, shared/agreement pairKey), whatever order the app and the CLI read the files in.
  const pairKeys = Object.keys(flat).filter((k) => k.startsWith('pair.') && k.endsWith('.hate_cohen_kappa'));
  expect(pairKeys.length).toBeGreaterThan(0);
  const shownKeys = new Set(shown.map(([key]) => key));
  for (const key of pairKeys) expect(shownKeys.has(key), key).toBe(true);
});

test('a line appended by another process shows up live in progress, review and statistics', async ({
  page,
}) => {
  await page.goto(demo.served.url);
  await expect(page.getByTestId('content-warning')).toBeVisible();
  await page.keyboard.press('Enter');
  // Memes 1–16 of the demo have their three votes; 17–20 have two.
  await expect(page.getByTestId('progress-project')).toContainText('Project 16 /');
  const file = join(demo.project, '.memejury/annotations/remote-ann.jsonl');
  const line = JSON.stringify({
    v: 1,
    item: 17,
    annotator: 'remote-ann',
    hate: 'hateful',
    pc: ['sex'],
    attack: ['contempt'],
    at: new Date().toISOString(),
    ms: 4000,
    note: 'the third vote, flagged for the lead',
    flag: true,
  });
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [
    '-e',
    `require('fs').appendFileSync(${JSON.stringify(file)}, ${JSON.stringify(line + '\n')})`,
  ]);
  expect(r.status).toBe(0);
  await expect(page.getByTestId('progress-project')).toContainText('Project 17 /', { timeout: 2500 });
  expect(Date.now() - t0).toBeLessThan(2500);
  await becomeLead(page);
  await page.getByTestId('nav-stats').click();
  await expect(page.getByTestId('annotator-table')).toContainText('remote-ann');
  await page.getByTestId('nav-review').click();
  // Meme 17 waited with two votes; the third makes it ready, and its flag sends it to the lead.
  await expect(page.getByTestId('review-count')).toContainText('5 to review');
  await expect(page.getByTestId('review-row-17')).toBeVisible();
});
