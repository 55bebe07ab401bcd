// Files in browser mode, through the screens: the page names a file, the server writes it under
// the project's exports/ folder (the agreement report), and reads files relative to the project
// or the --imports folder (scoring predictions). Hostile names are refused on screen and write
// nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ATTACK_LABELS, PC_LABELS } from '../../shared/taxonomy';
import { becomeLead, serveDemoPerTest } from './serve';

// Predictions for the demo's memes, in the FGHM submission format, in a folder given to --imports.
const importsDir = mkdtempSync(join(tmpdir(), 'memejury-imports-'));
writeFileSync(
  join(importsDir, 'preds.jsonl'),
  Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({
      id: i + 1,
      pred_hate: { hateful: (i % 5) / 5, not_hateful: 1 - (i % 5) / 5 },
      pred_pc: Object.fromEntries(['pc_empty', ...PC_LABELS].map((l, k) => [l, ((i + k) % 7) / 7])),
      pred_attack: Object.fromEntries(
        ['attack_empty', ...ATTACK_LABELS].map((l, k) => [l, ((i + k) % 9) / 9]),
      ),
    }),
  ).join('\n') + '\n',
);
test.afterAll(async () => {
  await rm(importsDir, { recursive: true, force: true });
});

const demo = serveDemoPerTest(['--annotator', 'lead-1', '--imports', importsDir]);

test('the agreement report is saved under exports/ by the name given; hostile names are refused', async ({
  page,
}) => {
  await page.goto(demo.served.url);
  await becomeLead(page);
  await page.getByTestId('nav-stats').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  for (const bad of ['../../escape', '.memejury/governance', '/tmp/x', 'a/b']) {
    await page.getByTestId('report-json-name').fill(bad);
    await page.getByTestId('report-json').click();
    await expect(page.getByTestId('report-json-error')).toBeVisible();
  }
  await page.getByTestId('report-json-name').fill('team figures');
  await page.getByTestId('report-json').click();
  const out = join(demo.project, 'exports', 'team figures.json');
  await expect(page.getByTestId('report-json-done')).toContainText(out);
  const report = JSON.parse(await readFile(out, 'utf8')) as { figures: Record<string, unknown> };
  expect(Object.keys(report.figures).length).toBeGreaterThan(10);
  // Nothing else was written: exports/ holds the one report, the project files are as they were.
  expect(await readdir(join(demo.project, 'exports'))).toStrictEqual(['team figures.json']);
  expect((await readdir(join(demo.project, '.memejury'))).filter((n) => n.endsWith('.json'))).toStrictEqual([
    'project.json',
  ]);
});

test('predictions are scored from the --imports folder by a relative name; paths that leave it are refused', async ({
  page,
}) => {
  await page.goto(demo.served.url);
  await becomeLead(page);
  await page.getByTestId('nav-score').click();
  for (const bad of ['/etc/passwd', '../../etc/passwd', '.memejury/project.json']) {
    await page.getByTestId('score-path').fill(bad);
    await page.getByTestId('score-run').click();
    await expect(page.getByTestId('score-error')).toBeVisible();
    await expect(page.getByTestId('score-error')).not.toContainText('root:');
  }
  await page.getByTestId('score-path').fill('preds.jsonl');
  await page.getByTestId('score-run').click();
  await expect(page.getByTestId('score-report')).toBeVisible();
  await expect(page.getByTestId('score-hate-f1')).not.toBeEmpty();
});
