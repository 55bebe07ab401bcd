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
import type { Item, ItemId } from '../records';
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
  ['id', 'int64 (string when some meme ids are not integers)', 'the meme id'],
  ['set_name', 'string', 'the FGHM split (dev_seen, …); "" when none'],
  ['img', 'string', 'the image path inside the Meme Jury project'],
  ['text', 'string', 'the meme text'],
  ['gold_hate', 'list<string>', '["hateful"] or ["not_hateful"]; [] when unresolved'],
  ['gold_pc', 'list<string>', 'gold protected categories (["pc_empty"] when not hateful)'],
  ['gold_attack', 'list<string>', 'gold attack types (["attack_empty"] when not hateful)'],
  ['annotators', 'list<string>', 'who voted, in the project\'s stable order'],
  ['hate_votes', 'list<string>', 'each annotator\'s hate answer'],
  ['pc_votes', 'list<list<string>>', 'each annotator\'s categories ([] for a not-hateful answer)'],
  ['attack_votes', 'list<list<string>>', 'each annotator\'s attack types'],
  ['vote_at', 'list<string>', 'when each answer was saved (ISO time)'],
  ['vote_ms', 'list<int64>', 'milliseconds each annotator took'],
  ['vote_notes', 'list<string>', 'each annotator\'s note'],
  ['vote_flags', 'list<bool>', 'whether each annotator flagged the meme'],
  ['vote_gv', 'list<string>', 'the guidelines version of each answer ("" when not recorded)'],
  ['decision_by', 'string', 'the lead who decided the meme; "" when no decision'],
  ['decision_hate', 'string', 'the lead\'s hate answer; "" when no decision'],
  ['decision_pc', 'list<string>', 'the lead\'s categories'],
  ['decision_attack', 'list<string>', 'the lead\'s attack types'],
  ['decision_at', 'string', 'when the lead decided; ""'],
  ['decision_note', 'string', 'the lead\'s note'],
  ['decision_own_vote', 'bool', 'the lead had voted on the meme too'],
  ...PROVENANCE_FIELDS.map((f): [string, string, string] => [f, 'string', `provenance: ${f} ("" when not recorded)`]),
];

const SPLIT_KEYWORDS = ['train', 'training', 'validation', 'valid', 'dev', 'val', 'test', 'testing', 'eval', 'evaluation'];

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
export function hfRow(rec: IxRecord, fileName: string, numericIds: boolean): Record<string, unknown> {
  const { item } = rec;
  const d = rec.decision;
  const prov = provenanceFields(item);
  const row: Record<string, unknown> = {
    file_name: fileName,
    id: numericIds ? item.id : String(item.id),
    set_name: item.set_name ?? '',
    img: item.img,
    text: item.text,
    gold_hate: rec.gold.hate,
    gold_pc: rec.gold.pc,
    gold_attack: rec.gold.attack,
    annotators: rec.votes.map((v) => v.annotator),
    hate_votes: rec.votes.map((v) => v.hate),
    pc_votes: rec.votes.map((v) => v.pc),
    attack_votes: rec.votes.map((v) => v.attack),
    vote_at: rec.votes.map((v) => v.at),
    vote_ms: rec.votes.map((v) => v.ms),
    vote_notes: rec.votes.map((v) => v.note),
    vote_flags: rec.votes.map((v) => v.flag),
    vote_gv: rec.votes.map((v) => v.gv ?? ''),
    decision_by: d?.lead ?? '',
    decision_hate: d?.hate ?? '',
    decision_pc: d?.pc ?? [],
    decision_attack: d?.attack ?? [],
    decision_at: d?.at ?? '',
    decision_note: d?.note ?? '',
    decision_own_vote: d?.own_vote === true,
  };
  for (const f of PROVENANCE_FIELDS) row[f] = prov[f] ?? '';
  return row;
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
    `| ${title} | ${Object.entries(m ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ') || '—'} |`;
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
    'not, protected categories and attack types, with every annotator\'s vote, the gold the project\'s',
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
    if (!isObject(r)) {
      c.error(line, 'expected a row object');
      continue;
    }
    const id: ItemId | unknown = typeof r.id === 'string' && /^(0|[1-9]\d{0,14})$/.test(r.id) ? Number(r.id) : r.id;
    const raw2: Record<string, unknown> = { id, img: r.img, text: r.text };
    if (typeof r.set_name === 'string' && r.set_name !== '') raw2.set_name = r.set_name;
    if (r.gold_hate !== undefined) raw2.gold_hate = r.gold_hate;
    for (const f of PROVENANCE_FIELDS) if (typeof r[f] === 'string' && r[f] !== '') raw2[f] = r[f];
    const item = c.item(raw2, line, '');
    if (!item) continue;
    const lists = ['annotators', 'hate_votes', 'vote_at', 'vote_notes'] as const;
    const bad = lists.find((f) => !strings(r[f]));
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
      c.error(line, `field "${nested}": expected one list of labels per annotator (${n})`);
      continue;
    }
    const parallel = (['hate_votes', 'vote_at', 'vote_ms', 'vote_notes', 'vote_flags'] as const).find(
      (f) => !Array.isArray(r[f]) || (r[f] as unknown[]).length !== n,
    );
    if (parallel) {
      c.error(line, `field "${parallel}": expected one value per annotator (${n})`);
      continue;
    }
    const gvs = Array.isArray(r.vote_gv) ? (r.vote_gv as unknown[]) : [];
    for (let i = 0; i < n; i++) {
      const hate = (r.hate_votes as string[])[i];
      if (hate !== 'hateful' && hate !== 'not_hateful') {
        c.error(line, `field "hate_votes": answer ${i + 1} is not "hateful" or "not_hateful"`);
        break;
      }
      const ms = (r.vote_ms as unknown[])[i];
      const vote: IxVote = {
        annotator: annotators[i],
        hate,
        pc: withoutEmptyMarkers((r.pc_votes as string[][])[i]),
        attack: withoutEmptyMarkers((r.attack_votes as string[][])[i]),
        at: (r.vote_at as string[])[i],
        ms: typeof ms === 'number' ? ms : -1,
        note: (r.vote_notes as string[])[i],
        flag: (r.vote_flags as unknown[])[i] === true,
      };
      const gv = gvs[i];
      if (typeof gv === 'string' && gv !== '') vote.gv = gv;
      c.vote(item.id, vote, line, 'annotators');
    }
    if (typeof r.decision_by === 'string' && r.decision_by !== '') {
      const hate = r.decision_hate;
      if (hate !== HATEFUL && hate !== 'not_hateful') {
        c.error(line, 'field "decision_hate": expected "hateful" or "not_hateful"');
        continue;
      }
      if (!strings(r.decision_pc) || !strings(r.decision_attack)) {
        c.error(line, 'field "decision_pc"/"decision_attack": expected lists of labels');
        continue;
      }
      c.decision(
        item.id,
        {
          lead: r.decision_by,
          hate,
          pc: r.decision_pc,
          attack: r.decision_attack,
          at: typeof r.decision_at === 'string' ? r.decision_at : '',
          note: typeof r.decision_note === 'string' ? r.decision_note : '',
          ...(r.decision_own_vote === true ? { own_vote: true as const } : {}),
        },
        line,
      );
    }
  }
  return c.result();
}
