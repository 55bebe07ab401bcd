// The Export screen's other formats (issue 12 part 5), by keyboard in browser mode: the lead
// chooses Label Studio, then a Hugging Face folder, names them and exports; the files the server
// wrote under the project's exports/ folder are checked, with their manifests beside them.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tabTo } from './leadSession';
import { becomeLead, serveDemoPerTest } from './serve';

const demo = serveDemoPerTest(['--annotator', 'lead-1']);

/** On the Export screen: the format chosen by typing its first letter, a name typed, Enter on Export. */
async function exportByKeyboard(page: Page, letter: string, format: string, name: string): Promise<void> {
  await tabTo(page, 'export-format');
  await page.keyboard.press(letter);
  await expect(page.getByTestId('export-format')).toHaveValue(format);
  await tabTo(page, 'export-out');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(name);
  await expect(page.getByTestId('export-out')).toHaveValue(name);
  await tabTo(page, 'export-run');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-result')).toBeVisible();
}

test('a lead exports Label Studio JSON and a Hugging Face folder by keyboard; manifests beside', async ({
  page,
}) => {
  await page.goto(demo.served.url);
  await becomeLead(page);
  await page.getByTestId('nav-export').click();
  await expect(page.getByTestId('export-preview')).toContainText('will be written');

  await exportByKeyboard(page, 'l', 'labelstudio', 'for-label-studio');
  const out = join(demo.project, 'exports', 'for-label-studio.json');
  await expect(page.getByTestId('export-result')).toContainText(out);
  const tasks = JSON.parse(await readFile(out, 'utf8')) as {
    data: Record<string, unknown>;
    annotations: {
      completed_by: number;
      lead_time: number;
      result: { type: string; from_name: string; value: { choices?: string[] } }[];
    }[];
  }[];
  const manifest = JSON.parse(
    await readFile(join(demo.project, 'exports', 'for-label-studio.json.manifest.json'), 'utf8'),
  ) as {
    format: string;
    records: number;
    left_out: { incomplete: number };
  };
  // Incomplete memes are left out, as for the FGHM export, and the manifest says how many.
  expect(manifest.format).toBe('labelstudio');
  expect(manifest.records).toBe(tasks.length);
  expect(tasks.length).toBeGreaterThan(0);
  expect(manifest.left_out.incomplete).toBeGreaterThan(0);
  for (const t of tasks) {
    expect(typeof t.data.image).toBe('string');
    expect(typeof t.data.text).toBe('string');
    for (const a of t.annotations) {
      expect(typeof a.completed_by).toBe('number');
      expect(a.lead_time).toBeGreaterThanOrEqual(0);
      const hate = a.result.find((r) => r.from_name === 'hate');
      expect(hate?.type).toBe('choices');
      expect(['hateful', 'not_hateful']).toContain(hate?.value.choices?.[0]);
    }
  }
  expect(tasks.some((t) => t.annotations.length > 0)).toBe(true);

  await exportByKeyboard(page, 'h', 'hf', 'demo-dataset');
  const folder = join(demo.project, 'exports', 'demo-dataset');
  await expect(page.getByTestId('export-result')).toContainText(folder);
  expect((await readdir(folder)).sort()).toStrictEqual([
    '.memejury-export',
    'README.md',
    'SHA256SUMS',
    'images',
    'metadata.jsonl',
  ]);
  const rows = (await readFile(join(folder, 'metadata.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { file_name: string; id: number });
  expect(rows).toHaveLength(tasks.length);
  expect((await readdir(join(folder, 'images'))).length).toBe(rows.length);
  expect(new Set(rows.map((r) => r.id))).toStrictEqual(new Set(tasks.map((t) => t.data.id)));
  const card = await readFile(join(folder, 'README.md'), 'utf8');
  expect(card).toContain('## Data rights');
  const hfManifest = JSON.parse(
    await readFile(join(demo.project, 'exports', 'demo-dataset.manifest.json'), 'utf8'),
  ) as {
    format: string;
    file: string;
  };
  expect(hfManifest).toMatchObject({ format: 'hf', file: 'demo-dataset' });
  expect(card).toContain(JSON.stringify(hfManifest, null, 2));
});
