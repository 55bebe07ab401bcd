// Interchange (issue 12 part 5): the round trips FGHM → format → new project → FGHM on all 500
// dev_seen records, a team project's votes, notes, times, decisions and provenance through every
// format, the errors that refuse a file (file:line and field, nothing imported), and forgetting
// reaching interchange exports. Each format's own shape: interchange-formats.test.ts.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../shared/interchange/csv';
import { hfRow } from '../../shared/interchange/hf';
import type { IxRecord } from '../../shared/interchange/model';
import { auditProject } from '../../electron/services/audit';
import { exportGold } from '../../electron/services/exporter';
import { forgetItem } from '../../electron/services/forget';
import { importAny } from '../../electron/services/interchange';
import { initProject, Project } from '../../electron/services/project';
import { tempDir } from './helpers';
import {
  devSeenProject,
  EXT,
  exportTo,
  FORMATS,
  importIntoNew,
  jsonl,
  linesOf,
  released,
  teamProject,
  type Rec,
} from './interchangeFixtures';

describe('round trips on dev_seen (all 500 records, every field)', () => {
  for (const format of FORMATS)
    it(`FGHM → ${format} → new project → FGHM gives back every record identical`, async () => {
      const original = await released();
      const dir = await devSeenProject();
      const { out, summary } = await exportTo(dir, format, `dev${EXT[format]}`);
      expect(summary.counts.exported).toBe(500);
      const { result, records } = await importIntoNew(out);
      expect(result.format).toBe(format);
      expect(result.records).toBe(500);
      expect(result.itemsAdded).toBe(500);
      expect(result.annotationsAdded).toBe(727);
      expect(records).toHaveLength(500);
      for (let i = 0; i < original.length; i++) expect(records[i]).toStrictEqual(original[i]);
    });
});

describe('a team project through every format', () => {
  for (const format of FORMATS)
    it(`${format}: votes (times, ms, notes, flags, guidelines version), the lead's decision and provenance come back`, async () => {
      const dir = await teamProject();
      const { out, summary } = await exportTo(dir, format, `team${EXT[format]}`);
      // Incomplete memes are left out unless asked, as for fghm: meme 4 has one vote of three.
      expect(summary.counts).toMatchObject({ exported: 3, skipped: { incomplete: 1 } });
      const a = await Project.open(dir);
      const fullA = join(dir, 'exports', 'full.jsonl');
      await exportGold(a, fullA, { format: 'full', policy: 'fghm' });
      await a.close();
      const { dir: b, records, result } = await importIntoNew(out, 'full');
      expect(result.decisionsAdded).toBe(1);
      expect(records).toStrictEqual(jsonl(await readFile(fullA, 'utf8')));
      const before = (await linesOf(dir)).filter((l) => l.item !== 4);
      expect(await linesOf(b)).toStrictEqual(before);
      // Importing the same file again adds nothing.
      const q = await Project.open(b, { lead: true });
      const again = await importAny(q, out);
      await q.close();
      expect(again).toMatchObject({ itemsAdded: 0, annotationsAdded: 0, decisionsAdded: 0 });
      // Asked for, the incomplete meme goes out too.
      const all = await exportTo(dir, format, `all${EXT[format]}`, false, { includeIncomplete: true });
      expect(all.summary.counts.exported).toBe(4);
    });
});

describe('import errors name file:line and field; nothing is imported', () => {
  /** Imports `name` (or the folder `target`) holding `body`: refused with `message`, nothing written. */
  async function refused(name: string, body: string, message: RegExp, target = name) {
    const dir = await tempDir();
    await initProject(dir);
    const file = join(dir, 'in', name);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
    const p = await Project.open(dir);
    await expect(importAny(p, join(dir, 'in', target))).rejects.toThrow(message);
    await p.close();
    expect((await readdir(dir)).sort()).toStrictEqual(['.memejury', 'in']);
    expect(await readdir(join(dir, '.memejury', 'annotations'))).toStrictEqual([]);
  }
  const task = (data: Rec, result: Rec[]) => ({
    data,
    annotations: [{ completed_by: 1, created_at: '2026-01-01T00:00:00Z', lead_time: 1, result }],
  });
  const hate = (c: string[]) => ({
    from_name: 'hate',
    to_name: 'image',
    type: 'choices',
    value: { choices: c },
  });

  it('Label Studio: a task without an id, at the line the task starts', async () => {
    const good = task({ id: 1, img: 'img/1.png', text: 'x' }, [hate(['hateful'])]);
    const bad = task({ img: 'img/2.png', text: 'y' }, [hate(['hateful'])]);
    const text = JSON.stringify([good, bad], null, 2);
    // Pretty-printed: the second task starts on the second line that opens an element.
    const line = text.split('\n').findIndex((l, i) => i > 1 && l === '  {') + 1;
    expect(line).toBeGreaterThan(10);
    await refused(
      'ls.json',
      text,
      new RegExp(
        `ls\\.json:${line}: field "data\\.id": expected an integer or an id string; nothing was imported`,
      ),
    );
  });
  it('Label Studio: an annotation without a hate choice, and a path that leaves the project', async () => {
    await refused(
      'ls.json',
      JSON.stringify([task({ id: 1, img: 'img/1.png', text: 'x' }, [])]),
      /ls\.json:1: field "annotations\[0\]\.result": no hate answer/,
    );
    await refused(
      'ls.json',
      JSON.stringify([task({ id: 1, img: '../etc/x.png', text: 'x' }, [hate(['hateful'])])]),
      /ls\.json:1: field "data\.img": a path that leaves the project/,
    );
  });
  it('Prodigy: an option that is no label, and a missing annotator', async () => {
    const t = {
      text: 'x',
      image: 'img/1.png',
      meta: { id: 1 },
      answer: 'accept',
      _timestamp: 1,
      _annotator_id: 'ds-a',
    };
    await refused(
      'p.jsonl',
      `${JSON.stringify({ ...t, accept: ['hateful'] })}\n${JSON.stringify({ ...t, accept: ['hateful', 'purple'] })}\n`,
      /p\.jsonl:2: field "accept": option "purple"/,
    );
    const { _annotator_id: _, ...anon } = t;
    await refused(
      'p.jsonl',
      JSON.stringify({ ...anon, accept: ['hateful'] }) + '\n',
      /p\.jsonl:1: field "_annotator_id": missing/,
    );
  });
  it('CSV: a bad hate value, a ragged row, a foreign header', async () => {
    const head = CSV_COLUMNS.join(',');
    const blank = (o: Rec) => CSV_COLUMNS.map((c) => String(o[c] ?? '')).join(',');
    await refused(
      't.csv',
      `${head}\r\n${blank({ row: 'gold', id: 1, img: 'img/1.png', text: 'x', hate: 'maybe' })}\r\n`,
      /t\.csv:2: field "hate"/,
    );
    await refused('t.csv', `${head}\r\n1,2\r\n`, /t\.csv:2: 2 fields where the header has/);
    await refused('t.csv', 'text,label\r\nx,1\r\n', /t\.csv:1: the header is not Meme Jury's CSV/);
  });
  it('Hugging Face: per-answer lists of different lengths', async () => {
    const rec: IxRecord = {
      item: { id: 1, img: 'img/1.png', text: 't' },
      gold: { hate: ['hateful'], pc: ['race'], attack: ['mocking'] },
      votes: [
        {
          annotator: 'a',
          hate: 'hateful',
          pc: ['race'],
          attack: [],
          at: '2026-01-01T00:00:00.000Z',
          ms: 0,
          note: '',
          flag: false,
        },
      ],
      decision: null,
      prediction: null,
    };
    const good = hfRow(rec, 'images/1.png', 0, true);
    const bad = {
      ...hfRow({ ...rec, item: { ...rec.item, id: 2, img: 'img/2.png' } }, 'images/2.png', 1, true),
      vote_at: [],
    };
    await refused(
      'ds/metadata.jsonl',
      `${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`,
      /ds\/metadata\.jsonl:2: field "vote_at": expected one value per answer \(1\); nothing was imported/,
      'ds',
    );
  });
  it('decisions need the lead', async () => {
    const dir = await teamProject();
    const { out } = await exportTo(dir, 'labelstudio', 'team.json');
    const b = await tempDir();
    await initProject(b);
    const p = await Project.open(b);
    await expect(importAny(p, out)).rejects.toThrow(
      /holds 1 lead decision: import it as the project's lead.*nothing was imported/,
    );
    await p.close();
    expect((await readdir(b)).sort()).toStrictEqual(['.memejury']);
  });
});

describe('forgetting reaches interchange exports', () => {
  it('an export naming a forgotten meme is found by the audit and removed whole with its manifest; others stay', async () => {
    const dir = await teamProject();
    for (const f of FORMATS) await exportTo(dir, f, `team${EXT[f]}`);
    // Each export keeps its own manifest: an FGHM gold.json would take gold.jsonl's and is
    // refused; a Label Studio gold.json has gold.json.manifest.json.
    await exportTo(dir, 'fghm', 'gold.jsonl');
    await expect(exportTo(dir, 'full', 'gold.json')).rejects.toThrow(
      /gold\.manifest\.json is the manifest of gold\.jsonl/,
    );
    await exportTo(dir, 'labelstudio', 'gold.json');
    await exportTo(dir, 'labelstudio', 'train-only.json', false, { splits: ['dev'] });
    const kept = {
      json: await readFile(join(dir, 'exports', 'team.json'), 'utf8'),
      manifest: await readFile(join(dir, 'exports', 'team.json.manifest.json'), 'utf8'),
    };
    const forget = async () => {
      const p = await Project.open(dir, { lead: true });
      await forgetItem(p, 1, { reason: 'asked by the person pictured', requestedBy: 'them', by: 'lead' });
      await p.close();
    };
    await forget();
    const left = (await readdir(join(dir, 'exports'))).sort();
    // The FGHM export is rewritten without the meme (exporter.ts), the others are gone.
    expect(left).toStrictEqual([
      'gold.jsonl',
      'gold.manifest.json',
      'train-only.json',
      'train-only.json.manifest.json',
    ]);
    expect(jsonl(await readFile(join(dir, 'exports', 'gold.jsonl'), 'utf8')).map((r) => r.id)).toStrictEqual([
      2, 3,
    ]);
    expect((await auditProject(dir)).findings).toStrictEqual([]);
    // A copy that comes back (a sync, a restore) is found by the audit, and the next forget run removes it.
    await writeFile(join(dir, 'exports', 'team.json'), kept.json);
    await writeFile(join(dir, 'exports', 'team.json.manifest.json'), kept.manifest);
    expect((await auditProject(dir)).findings).toStrictEqual([
      {
        file: 'exports/team.json',
        line: null,
        what: 'an export (labelstudio) naming a forgotten item: run "memejury forget" again to remove it',
      },
    ]);
    await forget();
    expect(await readdir(join(dir, 'exports'))).not.toContain('team.json');
    expect((await auditProject(dir)).findings).toStrictEqual([]);
  });
});
