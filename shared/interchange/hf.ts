// A Hugging Face `imagefolder` dataset (huggingface.co/docs/datasets/image_dataset): a folder that
// `datasets.load_dataset("imagefolder", data_dir=…)` loads as is.
//
//   <folder>/metadata.jsonl   one row per meme: `file_name` (the image, relative to the folder)
//                             and the columns below, every column one type in every row
//   <folder>/images/<n>.<ext> the memes' images
//   <folder>/README.md        the dataset card; its "Data rights" section is the export manifest
//   <folder>/SHA256SUMS       `sha256sum -c SHA256SUMS` checks every file but the card
//
// The rules of the imagefolder builder this follows (datasets' folder_based_builder.py and
// data_files.py): the metadata file is named metadata.jsonl and has a `file_name` string column
// naming each image relative to it; images have an image extension; README.md and non-image
// files are ignored; a metadata file's columns are read from its first rows, so a column never
// changes type (lists are always lists, empty when there is nothing, never "None"; strings are
// always strings, "" when absent); no path holds a split keyword (train, test, dev, val, eval,
// …) at a word boundary, so the folder is one split ("train") whatever the memes' set_name
// (the `set_name` column says which split a meme belongs to); nothing is hidden but the marker.
import { HATEFUL } from '../taxonomy';
import type { Item } from '../records';
import {
  IxCollector,
  PROVENANCE_FIELDS,
  isLabelList,
  provenanceFields,
  withoutEmptyMarkers,
  type IxParsed,
  type IxRecord,
  type IxVote,
} from './model';

export const HF_METADATA = 'metadata.jsonl';
export const HF_CARD = 'README.md';
export const HF_SUMS = 'SHA256SUMS';
export const HF_IMAGES = 'images';
/** A hidden file that marks the folder as our export: the image scan never takes its images as memes. */
export const EXPORT_MARKER = '.memejury-export';

/** The columns of metadata.jsonl, in order, with their types (datasets' features). */
export const HF_COLUMNS: readonly [string, string, string][] = [
  ['file_name', 'string', 'the image, relative to the folder (datasets turns it into the `image` column)'],
  ['position', 'int64', "the meme's place in the project's order (rows may be reordered, see below)"],
  ['id', 'int64 (string when some meme ids are not integers)', 'the meme id'],
  ['set_name', 'string', 'the FGHM split (dev_seen, …); "" when none'],
  ['img', 'string', 'the image path inside the Meme Jury project'],
  ['text', 'string', 'the meme text'],
  ['gold_hate', 'list<string>', '["hateful"] or ["not_hateful"]; [] when unresolved'],
  ['gold_pc', 'list<string>', 'gold protected categories (["pc_empty"] when not hateful)'],
  ['gold_attack', 'list<string>', 'gold attack types (["attack_empty"] when not hateful)'],
  [
    'annotators',
    'list<string>',
    "who answered: every annotator in the project's stable order, then the lead who decided",
  ],
  [
    'roles',
    'list<string>',
    '"annotator" for a vote, "lead" for the lead\'s decision (it overrides the policy)',
  ],
  ['hate_votes', 'list<string>', "each answer's hate label"],
  ['pc_votes', 'list<list<string>>', "each answer's categories ([] for a not-hateful answer)"],
  ['attack_votes', 'list<list<string>>', "each answer's attack types"],
  ['vote_at', 'list<string>', 'when each answer was saved (ISO time)'],
  ['vote_ms', 'list<int64>', 'milliseconds each annotator took (0 for a decision)'],
  ['vote_notes', 'list<string>', "each answer's note"],
  ['vote_flags', 'list<bool>', 'whether the annotator flagged the meme'],
  ['vote_gv', 'list<string>', 'the guidelines version of each answer ("" when not recorded)'],
  ['decision_own_vote', 'bool', 'the lead who decided had voted on the meme too'],
  ...PROVENANCE_FIELDS.map((f): [string, string, string] => [
    f,
    'string',
    `provenance: ${f} ("" when not recorded)`,
  ]),
];

const SPLIT_KEYWORDS = [
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

/** A path segment datasets would read as naming a split (keyword at a word boundary). */
export function splitKeywordIn(path: string): string | null {
  for (const seg of path.toLowerCase().split('/'))
    for (const k of SPLIT_KEYWORDS) {
      const re = new RegExp(`(^|[-._ 0-9])${k}($|[-._ 0-9])`);
      if (re.test(seg)) return k;
    }
  return null;
}

/** The file name of a meme's image in the folder: its integer id, else its position. */
export function hfImageName(item: Item, index: number): string {
  const ext = (/\.[A-Za-z0-9]+$/.exec(item.img)?.[0] ?? '.png').toLowerCase();
  const stem = typeof item.id === 'number' ? String(item.id) : `m${index + 1}`;
  return `${HF_IMAGES}/${stem}${ext}`;
}

/** One metadata.jsonl row; `numericIds`: every exported id is an integer (an int64 column). */
export function hfRow(
  rec: IxRecord,
  fileName: string,
  position: number,
  numericIds: boolean,
): Record<string, unknown> {
  const { item } = rec;
  const d = rec.decision;
  const prov = provenanceFields(item);
  // The lead's decision is one more answer, marked by its role: its lists have the votes' types.
  const answers = [
    ...rec.votes.map((v) => ({ ...v, role: 'annotator' })),
    ...(d ? [{ ...d, annotator: d.lead, ms: 0, flag: false, gv: undefined, role: 'lead' }] : []),
  ];
  const row: Record<string, unknown> = {
    file_name: fileName,
    position,
    id: numericIds ? item.id : String(item.id),
    set_name: item.set_name ?? '',
    img: item.img,
    text: item.text,
    gold_hate: rec.gold.hate,
    gold_pc: rec.gold.pc,
    gold_attack: rec.gold.attack,
    annotators: answers.map((v) => v.annotator),
    roles: answers.map((v) => v.role),
    hate_votes: answers.map((v) => v.hate),
    pc_votes: answers.map((v) => v.pc),
    attack_votes: answers.map((v) => v.attack),
    vote_at: answers.map((v) => v.at),
    vote_ms: answers.map((v) => v.ms),
    vote_notes: answers.map((v) => v.note),
    vote_flags: answers.map((v) => v.flag),
    vote_gv: answers.map((v) => v.gv ?? ''),
    decision_own_vote: d?.own_vote === true,
  };
  for (const f of PROVENANCE_FIELDS) row[f] = prov[f] ?? '';
  return row;
}

/** Bytes of a string in UTF-8. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * How many bytes of metadata.jsonl datasets reads to decide the column types: its first chunk
 * (10 MiB, then to the end of the line; folder_based_builder._read_metadata).
 */
export const HF_TYPE_CHUNK = 10 << 20;

/** The kinds of value a row shows the element type of (an empty list shows none). */
function typeSlots(row: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const c of ['gold_hate', 'gold_pc', 'gold_attack', 'annotators'])
    if ((row[c] as unknown[]).length > 0) out.push(c);
  for (const c of ['pc_votes', 'attack_votes'])
    if ((row[c] as unknown[][]).some((l) => l.length > 0)) out.push(c);
  return out;
}

/**
 * metadata.jsonl's text. datasets takes every column's type from the first chunk of the file, so
 * a list column that is empty in every row of that chunk but not later would get no element type
 * and the load would fail: when that would happen, one row showing each missing type is moved to
 * the front (the `position` column keeps the project's order; an import restores it).
 */
export function hfMetadata(rows: Record<string, unknown>[], chunk = HF_TYPE_CHUNK): string {
  const lines = rows.map((r) => JSON.stringify(r));
  let bytes = 0;
  let inChunk = 0;
  while (inChunk < lines.length && bytes < chunk) bytes += utf8Length(lines[inChunk++]) + 1;
  const seen = new Set<string>();
  for (let i = 0; i < inChunk; i++) for (const s of typeSlots(rows[i])) seen.add(s);
  const front: number[] = [];
  for (let i = inChunk; i < rows.length; i++) {
    const fresh = typeSlots(rows[i]).filter((s) => !seen.has(s));
    if (fresh.length === 0) continue;
    for (const s of fresh) seen.add(s);
    front.push(i);
  }
  const moved = new Set(front);
  const order = [...front, ...rows.keys()].filter((i, k) => k < front.length || !moved.has(i));
  return order.map((i) => lines[i] + '\n').join('');
}

/** YAML's double-quoted scalar is a superset of JSON strings. */
const yamlString = (s: string): string => JSON.stringify(s);

function sizeCategory(n: number): string {
  if (n < 1000) return 'n<1K';
  if (n < 10_000) return '1K<n<10K';
  if (n < 100_000) return '10K<n<100K';
  if (n < 1_000_000) return '100K<n<1M';
  return '1M<n<10M';
}

/** The dataset card: YAML metadata, what the columns are, and the manifest as its data rights. */
export function hfCard(project: string, records: number, manifest: Record<string, unknown>): string {
  const counts = manifest.counts as Record<string, Record<string, number>> | undefined;
  const table = (title: string, m: Record<string, number> | undefined) =>
    `| ${title} | ${
      Object.entries(m ?? {})
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ') || '—'
    } |`;
  const leftOut = manifest.left_out as Record<string, number> | undefined;
  return [
    '---',
    `pretty_name: ${yamlString(`${project} (Meme Jury export)`)}`,
    'license: other',
    'task_categories:',
    '- image-classification',
    'tags:',
    '- hateful-memes',
    '- fine-grained-hateful-memes',
    '- memejury',
    'size_categories:',
    `- ${sizeCategory(records)}`,
    '---',
    '',
    `# ${project}`,
    '',
    `${records} memes labeled with the fine-grained hateful memes (FGHM) taxonomy in Meme Jury: hateful or`,
    "not, protected categories and attack types, with every annotator's vote, the gold the project's",
    `policy (\`${String(manifest.policy)}\`) computed and the lead's decisions.`,
    '',
    '```python',
    'from datasets import load_dataset',
    'ds = load_dataset("imagefolder", data_dir="<this folder>")  # one split, "train"; see `set_name`',
    '```',
    '',
    '**Content warning:** the images and texts include hateful content.',
    '',
    '## Columns',
    '',
    '| column | type | meaning |',
    '|---|---|---|',
    '| image | Image | the meme (from `file_name`) |',
    ...HF_COLUMNS.filter(([c]) => c !== 'file_name').map(([c, t, m]) => `| ${c} | ${t} | ${m} |`),
    '',
    'Per-vote lists (`annotators`, `hate_votes`, `pc_votes`, …) are parallel: position i is one annotator.',
    '',
    '## Data rights',
    '',
    'What may be done with these memes depends on where each came from. The export manifest below',
    'records it: counts by licence, consent, source and region, the filters applied, what was left out',
    'and why, and the checksum of the files (`sha256` is the SHA-256 of `SHA256SUMS`, which lists every',
    'file of this folder but this card).',
    '',
    '| | |',
    '|---|---|',
    table('licence', counts?.licence),
    table('consent', counts?.consent),
    table('source', counts?.source),
    table('region', counts?.region),
    table('left out', leftOut),
    '',
    '```json',
    JSON.stringify(manifest, null, 2),
    '```',
    '',
  ].join('\n');
}

// ---- reading ---------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const strings = (v: unknown): v is string[] => isLabelList(v);

/** metadata.jsonl of an export back into memes, votes and decisions (`file`: its path, for messages). */
export function readHf(text: string, file: string): IxParsed {
  const c = new IxCollector('hf', file);
  const rows: { r: Record<string, unknown>; line: number }[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const s = raw.replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (s.trim() === '') continue;
    let r: unknown;
    try {
      r = JSON.parse(s);
    } catch {
      c.error(line, 'not valid JSON (one row per line)');
      continue;
    }
    if (!isObject(r)) c.error(line, 'expected a row object');
    else rows.push({ r, line });
  }
  // The project's order, which the export may have changed to show datasets every type early.
  const pos = (x: { r: Record<string, unknown>; line: number }): number =>
    typeof x.r.position === 'number' ? x.r.position : x.line;
  rows.sort((a, b) => pos(a) - pos(b));
  for (const { r, line } of rows) {
    const id: unknown = typeof r.id === 'string' && /^(0|[1-9]\d{0,14})$/.test(r.id) ? Number(r.id) : r.id;
    const fields: Record<string, unknown> = { id, img: r.img, text: r.text };
    if (typeof r.set_name === 'string' && r.set_name !== '') fields.set_name = r.set_name;
    if (r.gold_hate !== undefined) fields.gold_hate = r.gold_hate;
    for (const f of PROVENANCE_FIELDS) if (typeof r[f] === 'string' && r[f] !== '') fields[f] = r[f];
    const item = c.item(fields, line, '');
    if (!item) continue;
    const bad = (['annotators', 'hate_votes', 'vote_at', 'vote_notes'] as const).find((f) => !strings(r[f]));
    if (bad) {
      c.error(line, `field "${bad}": expected a list of strings`);
      continue;
    }
    const annotators = r.annotators as string[];
    const n = annotators.length;
    const nested = (['pc_votes', 'attack_votes'] as const).find(
      (f) => !Array.isArray(r[f]) || (r[f] as unknown[]).length !== n || !(r[f] as unknown[]).every(strings),
    );
    if (nested) {
      c.error(line, `field "${nested}": expected one list of labels per answer (${n})`);
      continue;
    }
    const parallel = (['hate_votes', 'vote_at', 'vote_ms', 'vote_notes', 'vote_flags'] as const).find(
      (f) => !Array.isArray(r[f]) || (r[f] as unknown[]).length !== n,
    );
    if (parallel) {
      c.error(line, `field "${parallel}": expected one value per answer (${n})`);
      continue;
    }
    const roles = Array.isArray(r.roles) ? (r.roles as unknown[]) : [];
    const gvs = Array.isArray(r.vote_gv) ? (r.vote_gv as unknown[]) : [];
    for (let i = 0; i < n; i++) {
      const hate = (r.hate_votes as string[])[i];
      if (hate !== HATEFUL && hate !== 'not_hateful') {
        c.error(line, `field "hate_votes": answer ${i + 1} is not "hateful" or "not_hateful"`);
        break;
      }
      const pc = withoutEmptyMarkers((r.pc_votes as string[][])[i]);
      const attack = withoutEmptyMarkers((r.attack_votes as string[][])[i]);
      const at = (r.vote_at as string[])[i];
      const note = (r.vote_notes as string[])[i];
      if (roles[i] === 'lead') {
        c.decision(
          item.id,
          {
            lead: annotators[i],
            hate,
            pc,
            attack,
            at,
            note,
            ...(r.decision_own_vote === true ? { own_vote: true as const } : {}),
          },
          line,
        );
        continue;
      }
      const ms = (r.vote_ms as unknown[])[i];
      const vote: IxVote = {
        annotator: annotators[i],
        hate,
        pc,
        attack,
        at,
        ms: typeof ms === 'number' ? ms : -1,
        note,
        flag: (r.vote_flags as unknown[])[i] === true,
      };
      const gv = gvs[i];
      if (typeof gv === 'string' && gv !== '') vote.gv = gv;
      c.vote(item.id, vote, line, 'annotators');
    }
  }
  return c.result();
}
