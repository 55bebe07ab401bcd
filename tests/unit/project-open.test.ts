// One project-open path: the app (through the backend, as Electron and browser mode call it) and
// every CLI command see the same items and the same warnings for the same folder.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initProject } from '../../electron/services/project';
import { CLI, ROOT, tempDir, testBackend } from './helpers';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// A 1×1 PNG: the scan goes by file name, but real image bytes keep the fixture honest.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function imageFolder(): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, 'img/batch2'), { recursive: true });
  for (const rel of ['img/00001.png', 'img/00002.png', 'img/cat.jpg', 'img/batch2/00004.webp', 'top.gif'])
    await writeFile(join(dir, rel), PNG);
  await initProject(dir, { name: 'images only', targetAnnotators: 1 });
  return dir;
}

const backend = (user: string) => testBackend(user, 'ann-a');

describe('one project-open path', () => {
  it('an image folder gives the same items to the app, memejury stats and memejury export', async () => {
    const dir = await imageFolder();
    const b = await backend(await tempDir());
    const summary = await b.call('project:open', { dir });
    expect(summary.items).toBe(5);
    const queue = await b.call('queue:list', { filter: 'all' });
    const appIds = queue.ids.map(String).sort();
    expect(appIds).toStrictEqual(['1', '2', '4', 'img/cat', 'top'].sort());
    for (const id of queue.ids.slice(0, 3))
      await b.call('annotation:save', { item: id, hate: 'not_hateful', pc: [], attack: [], ms: 900 });
    await b.dispose();

    const stats = cli('stats', '--project', dir, '--json');
    expect(stats.stderr).toBe('');
    expect(stats.code).toBe(0);
    const flat = JSON.parse(stats.stdout) as Record<string, number>;
    expect(flat.items).toBe(5);
    expect(flat['annotator.ann-a.items_done']).toBe(3);

    const out = join(dir, 'exports/gold.jsonl');
    const exp = cli(
      'export',
      '--project',
      dir,
      '--out',
      out,
      '--include-incomplete',
      '--include-unresolved',
      '--json',
    );
    expect(exp.code).toBe(0);
    const run = JSON.parse(exp.stdout) as { counts: { items: number; exported: number } };
    expect(run.counts.items).toBe(5);
    expect(run.counts.exported).toBe(5);
    const records = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number | string; img: string; gold_hate: string[] });
    expect(records.map((r) => String(r.id)).sort()).toStrictEqual(appIds);
    expect(records.filter((r) => r.gold_hate[0] === 'not_hateful')).toHaveLength(3);
  });

  it('an export made while a line cannot be read says so, and its manifest counts the records without text', async () => {
    const dir = await imageFolder();
    // Image 2's line is broken: the meme is still there (its image), but its text is not.
    await writeFile(
      join(dir, 'items.jsonl'),
      '{"id":1,"img":"img/00001.png","text":"first"}\n{"id":2,"img":"img/00002.png","te\n',
    );
    const out = join(dir, 'exports/gold.jsonl');
    const exp = cli('export', '--project', dir, '--out', out, '--include-incomplete', '--include-unresolved');
    expect(exp.code).toBe(0);
    expect(exp.stderr).toContain('items.jsonl:2: not valid JSON');
    expect(exp.stderr).toContain(
      'warning: 1 line of the project could not be read (listed above, and in the manifest under "unreadable"): what they hold is not in this export',
    );
    const manifest = JSON.parse(await readFile(join(dir, 'exports/gold.manifest.json'), 'utf8')) as {
      records: number;
      unreadable: { lines: number; first: string[] };
      without_text: number;
    };
    expect(manifest.records).toBe(5);
    expect(manifest.unreadable.lines).toBe(1);
    expect(manifest.unreadable.first).toStrictEqual([
      expect.stringMatching(/^items\.jsonl:2: not valid JSON/),
    ]);
    // Every image but the one with a readable line: 2, 4, img/cat and top have no text.
    expect(manifest.without_text).toBe(4);
  });

  it('the CLI prints the item-list warnings the app shows', async () => {
    const dir = await imageFolder();
    await writeFile(
      join(dir, 'a.jsonl'),
      JSON.stringify({ id: 1, img: 'img/00001.png', text: 'first' }) + '\n',
    );
    await writeFile(
      join(dir, 'b.jsonl'),
      JSON.stringify({ id: 1, img: 'img/00002.png', text: 'again' }) + '\n',
    );
    await writeFile(join(dir, 'notes.json'), JSON.stringify({ title: 'not items' }) + '\n');
    const b = await backend(await tempDir());
    const summary = await b.call('project:open', { dir });
    await b.dispose();
    expect(summary.warnings).toHaveLength(2);
    expect(summary.warnings.join('\n')).toMatch(/b\.jsonl:1: item 1 is already defined in a\.jsonl/);
    expect(summary.warnings.join('\n')).toMatch(/notes\.json: not an item list/);

    for (const args of [
      ['stats', '--project', dir, '--json'],
      ['export', '--project', dir, '--out', join(dir, 'exports/x.jsonl')],
    ]) {
      const r = cli(...args);
      expect(r.code).toBe(0);
      const printed = r.stderr
        .trim()
        .split('\n')
        .map((l) => l.replace(/^warning: /, ''));
      expect(printed).toStrictEqual(summary.warnings);
    }
  });
});
