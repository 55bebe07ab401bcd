// Projects and files the interchange tests share: the released dev_seen records, a team project
// with every kind of line, and exports and imports of them (interchange*.test.ts).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportFormat } from '../../shared/export';
import { exportGold } from '../../electron/services/exporter';
import { importFghm } from '../../electron/services/importer';
import { exportAny, importAny } from '../../electron/services/interchange';
import { writePredictions } from '../../electron/services/predictions';
import { initProject, Project } from '../../electron/services/project';
import { fixture, tempDir } from './helpers';

export type Rec = Record<string, unknown>;
export const FORMATS = ['labelstudio', 'prodigy', 'csv', 'hf'] as const;
export const EXT: Record<(typeof FORMATS)[number], string> = {
  labelstudio: '.json',
  prodigy: '.jsonl',
  csv: '.csv',
  hf: '',
};

export const jsonl = (text: string): Rec[] =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Rec);

export async function released(): Promise<Rec[]> {
  return jsonl(await readFile(fixture('dev_seen.json'), 'utf8'));
}

/** dev_seen imported into a new project, with a stand-in image file for every meme. */
export async function devSeenProject(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir);
  const p = await Project.open(dir);
  await importFghm(p, fixture('dev_seen.json'));
  await p.close();
  // Images written after the import, so the scan finds them named by the item list.
  for (const r of await released()) {
    await mkdir(dirname(join(dir, r.img as string)), { recursive: true });
    await writeFile(join(dir, r.img as string), `stand-in image of meme ${String(r.id)}`);
  }
  return dir;
}

export async function exportTo(dir: string, format: ExportFormat, name: string, lead = false, extra = {}) {
  const p = await Project.open(dir, { lead });
  try {
    const out = join(dir, 'exports', name);
    return { out, summary: await exportAny(p, out, { format, policy: 'fghm', ...extra }) };
  } finally {
    await p.close();
  }
}

/** A new project that imports `file`, and its FGHM (or full) export. */
export async function importIntoNew(file: string, format: 'fghm' | 'full' = 'fghm') {
  const dir = await tempDir();
  await initProject(dir);
  const p = await Project.open(dir, { lead: true });
  const result = await importAny(p, file);
  await p.close();
  const q = await Project.open(dir, { lead: true });
  const back = join(dir, 'exports', 'back.jsonl');
  await exportGold(q, back, { format, policy: 'fghm' });
  await q.close();
  return { dir, result, records: jsonl(await readFile(back, 'utf8')) };
}

/**
 * A team project: three annotators with notes, flags, times and a guidelines version, a 2–1
 * split, a lead's decision on a tie, an incomplete meme, provenance, an attached prediction, and
 * texts with commas, quotes and newlines.
 */
export async function teamProject(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir);
  const items = [
    {
      id: 1,
      set_name: 'train',
      img: 'img/1.png',
      text: 'a, "quoted"\nsecond line',
      licence: 'cc-by-4.0',
      consent: 'yes',
      source: 'twitter',
      region: 'EU',
    },
    { id: 2, set_name: 'train', img: 'img/2.jpg', text: 'plain' },
    { id: 3, set_name: 'dev', img: 'img/3.png', text: 'tied' },
    { id: 4, img: 'img/4.png', text: 'one vote only' },
  ];
  await writeFile(join(dir, 'items.jsonl'), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  await mkdir(join(dir, 'img'));
  for (const i of items) await writeFile(join(dir, i.img), `image ${i.id}`);
  const gv = 'ab12cd34ef56ab12cd34ef56';
  const ev = (
    item: number,
    annotator: string,
    hate: 'hateful' | 'not_hateful',
    pc: string[],
    attack: string[],
    extra: Rec = {},
  ) => ({
    v: 1 as const,
    item,
    annotator,
    hate,
    pc,
    attack,
    at: `2026-03-0${item}T10:0${annotator.length % 10}:00.123Z`,
    ms: 1000 * item + annotator.charCodeAt(4),
    note: '',
    flag: false,
    ...extra,
  });
  const p = await Project.open(dir, { lead: true });
  await p.appendAnnotations([
    ev(1, 'ann-a', 'hateful', ['race', 'religion'], ['mocking'], {
      note: 'slur; see "caption", line 2\nok',
      flag: true,
      gv,
    }),
    ev(1, 'ann-b', 'hateful', ['race'], ['mocking', 'dehumanizing']),
    ev(1, 'ann-c', 'not_hateful', [], [], { gv }),
    ev(2, 'ann-a', 'not_hateful', [], []),
    ev(2, 'ann-b', 'not_hateful', [], []),
    ev(2, 'ann-c', 'hateful', ['sex'], ['class']),
    ev(3, 'ann-a', 'hateful', ['nationality'], ['exclusion']),
    ev(3, 'ann-b', 'not_hateful', [], []),
    ev(3, 'ann-c', 'hateful', ['race'], ['slurs']),
    ev(4, 'ann-a', 'hateful', ['disability'], ['contempt']),
  ]);
  await p.appendAdjudication({
    v: 1,
    item: 3,
    lead: 'lead-x',
    hate: 'hateful',
    pc: ['nationality'],
    attack: ['exclusion', 'inciting_violence'],
    at: '2026-03-09T12:00:00.000Z',
    note: 'exclusion is explicit',
  });
  await writePredictions(p.paths.predictions, [
    {
      id: 1,
      pred_hate: { hateful: 0.8, not_hateful: 0.2 },
      pred_pc: { race: 0.7, religion: 0.3 },
      pred_attack: { mocking: 0.6 },
    },
  ]);
  await p.close();
  return dir;
}

/** Every current labelled line of a project, as comparable data. */
export async function linesOf(dir: string): Promise<Rec[]> {
  const p = await Project.open(dir);
  const out: Rec[] = [];
  for (const it of p.items)
    for (const l of p.state.lines(it.id)) {
      const { v: _v, ...rest } = l as unknown as Rec;
      out.push(rest);
    }
  await p.close();
  return out.sort((a, b) =>
    `${String(a.item)}${String(a.annotator)}`.localeCompare(`${String(b.item)}${String(b.annotator)}`),
  );
}
