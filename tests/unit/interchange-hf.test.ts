// The Hugging Face export (interchange-formats.test.ts has the other formats): the imagefolder
// layout the datasets library loads as it is, checked against that library's documented rules.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HF_COLUMNS, hfMetadata, hfRow } from '../../shared/interchange/hf';
import type { IxRecord } from '../../shared/interchange/model';
import { scanImages } from '../../electron/services/projectFiles';
import { devSeenProject, exportTo, jsonl, type Rec } from './interchangeFixtures';

function splitPatternHit(path: string): string | null {
  const KEYWORDS = [
    'train',
    'training',
    'validation',
    'valid',
    'dev',
    'val',
    'test',
    'testing',
    'eval',
    'evaluation',
  ];
  const sep = '[-._ 0-9]';
  for (const k of KEYWORDS) {
    const file = [new RegExp(`(^|/)${k}${sep}[^/]*$`), new RegExp(`(^|/)[^/]*${sep}${k}${sep}[^/]*$`)];
    const dir = [
      new RegExp(`(^|/)${k}/`),
      new RegExp(`(^|/)${k}${sep}[^/]*/`),
      new RegExp(`(^|/)[^/]*${sep}${k}/`),
      new RegExp(`(^|/)[^/]*${sep}${k}${sep}[^/]*/`),
    ];
    if ([...file, ...dir].some((re) => re.test(path))) return k;
  }
  return null;
}

/** The JSON type of a value; lists with their element type, "?" for an empty list's. */
function jsonType(v: unknown): string {
  if (Array.isArray(v)) {
    // The element type: one type all elements agree on (the most specific), else "a|b".
    const inner = v.map(jsonType).reduce<string | null>((acc, t) => {
      if (acc === null) return t;
      if (!fits(acc, t)) return `${acc}|${t}`;
      return acc.split('?').length <= t.split('?').length ? acc : t;
    }, null);
    return `list<${inner ?? '?'}>`;
  }
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return typeof v;
}

/** Whether two types agree, an unknown element type ("?") agreeing with any. */
function fits(a: string, b: string): boolean {
  if (a === b || a === '?' || b === '?') return true;
  return a.startsWith('list<') && b.startsWith('list<') && fits(a.slice(5, -1), b.slice(5, -1));
}

describe('Hugging Face imagefolder: the layout datasets loads as is', () => {
  it('metadata.jsonl with file_name, images, the card with the manifest as data rights, checksums, one split, one type per column', async () => {
    const dir = await devSeenProject();
    const { out, summary } = await exportTo(dir, 'hf', 'dev-hf');
    expect(summary.out).toBe(out);
    const names = (await readdir(out)).sort();
    expect(names).toStrictEqual(['.memejury-export', 'README.md', 'SHA256SUMS', 'images', 'metadata.jsonl']);
    const rows = jsonl(await readFile(join(out, 'metadata.jsonl'), 'utf8'));
    expect(rows).toHaveLength(500);
    // Every row names an image inside the folder, with an image extension; every image is named.
    const images = (await readdir(join(out, 'images'))).map((n) => `images/${n}`).sort();
    expect(rows.map((r) => r.file_name as string).sort()).toStrictEqual(images);
    for (const r of rows) {
      const f = r.file_name as string;
      expect(f.startsWith('/') || f.includes('..') || f.includes('://')).toBe(false);
      expect(f).toMatch(/\.(png|jpg|jpeg|webp|gif)$/);
      expect((await stat(join(out, f))).isFile()).toBe(true);
    }
    // Nothing datasets would read as a split, and nothing hidden but our marker.
    for (const p of ['metadata.jsonl', ...images]) expect(splitPatternHit(p), p).toBeNull();
    // The columns, in order, the same in every row; one JSON type per column; no "None" strings.
    const columns = HF_COLUMNS.map(([c]) => c);
    const types = new Map<string, string>();
    for (const r of rows) {
      expect(Object.keys(r)).toStrictEqual(columns);
      for (const c of columns) {
        expect(r[c]).not.toBe('None');
        const t = jsonType(r[c]);
        expect(t).not.toContain('|');
        const prev = types.get(c);
        if (prev !== undefined) expect(fits(t, prev), `${c}: ${t} vs ${prev}`).toBe(true);
        // Keep the most specific type seen.
        if (prev === undefined || prev.split('?').length > t.split('?').length) types.set(c, t);
      }
    }
    expect(types.get('id')).toBe('int');
    expect(types.get('pc_votes')).toBe('list<list<string>>');
    expect(types.get('vote_flags')).toBe('list<boolean>');
    expect(types.get('gold_hate')).toBe('list<string>');
    // Checksums: SHA256SUMS lists every file but the card; the manifest's sha256 is its hash.
    const sums = (await readFile(join(out, 'SHA256SUMS'), 'utf8')).trim().split('\n');
    expect(sums).toHaveLength(501);
    for (const line of sums) {
      const [hash, file] = line.split(/ {2}/);
      expect(
        createHash('sha256')
          .update(await readFile(join(out, file)))
          .digest('hex'),
        file,
      ).toBe(hash);
    }
    const manifest = JSON.parse(await readFile(join(dir, 'exports', 'dev-hf.manifest.json'), 'utf8')) as Rec;
    expect(manifest).toMatchObject({
      tool: 'memejury',
      format: 'hf',
      file: 'dev-hf',
      records: 500,
      checksums: 'SHA256SUMS',
    });
    expect(manifest.sha256).toBe(
      createHash('sha256')
        .update(await readFile(join(out, 'SHA256SUMS')))
        .digest('hex'),
    );
    // The card: YAML front matter, and the manifest itself in its data-rights section.
    const card = await readFile(join(out, 'README.md'), 'utf8');
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(card);
    expect(yaml?.[1]).toMatch(/^pretty_name: ".*"$/m);
    expect(yaml?.[1]).toMatch(/^task_categories:\n- image-classification$/m);
    const rights = card.slice(card.indexOf('## Data rights'));
    expect(rights).not.toBe(card);
    expect(JSON.parse(/```json\n([\s\S]*?)\n```/.exec(rights)![1])).toStrictEqual(manifest);
    // The project does not take the export's images for memes.
    expect((await scanImages(dir)).filter((i) => i.startsWith('exports/'))).toStrictEqual([]);
  });

  it('a column empty in the first chunk datasets reads is given its type by a row moved to the front; the order comes back', () => {
    const rec = (id: number, pc: string[]): IxRecord => ({
      item: { id, img: `img/${id}.png`, text: 't' },
      gold: { hate: ['hateful'], pc: ['race'], attack: ['mocking'] },
      votes: [
        {
          annotator: 'a',
          hate: 'hateful',
          pc,
          attack: [],
          at: '2026-01-01T00:00:00.000Z',
          ms: 0,
          note: '',
          flag: false,
        },
      ],
      decision: null,
      prediction: null,
    });
    const recs = [rec(1, []), rec(2, []), rec(3, ['race'])];
    const rows = recs.map((r, i) => hfRow(r, `images/${r.item.id}.png`, i, true));
    const chunk = JSON.stringify(rows[0]).length + 1; // the first chunk: one row
    const text = hfMetadata(rows, chunk);
    expect(jsonl(text).map((r) => r.id)).toStrictEqual([3, 1, 2]);
    expect(hfMetadata(rows)).toBe(rows.map((r) => JSON.stringify(r) + '\n').join(''));
  });

  it('writes into a temporary folder and renames: a second export replaces the first, nothing temporary is left', async () => {
    const dir = await devSeenProject();
    await exportTo(dir, 'hf', 'ds');
    await exportTo(dir, 'hf', 'ds', false, { splits: ['none'] });
    expect((await readdir(join(dir, 'exports'))).sort()).toStrictEqual(['ds', 'ds.manifest.json']);
    expect(jsonl(await readFile(join(dir, 'exports', 'ds', 'metadata.jsonl'), 'utf8'))).toHaveLength(0);
    // A folder that is not an export of ours is never replaced.
    await mkdir(join(dir, 'exports', 'mine'));
    await writeFile(join(dir, 'exports', 'mine', 'notes.txt'), 'keep');
    await expect(exportTo(dir, 'hf', 'mine')).rejects.toThrow(/not a Meme Jury Hugging Face export/);
    expect(await readFile(join(dir, 'exports', 'mine', 'notes.txt'), 'utf8')).toBe('keep');
  });
});
