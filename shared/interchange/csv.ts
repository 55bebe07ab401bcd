// CSV (RFC 4180): one table in one file, a row per meme with its gold ("gold") followed by a row
// per annotator vote ("vote") and the lead's decision ("decision"), told apart by the first
// column. Label lists are ";"-joined (never JSON), empty for none; a gold row with an empty
// `hate` is an unresolved meme. The meme's own fields (set_name, img, text, provenance) are on its
// gold row only. Load it with pandas: `df = pd.read_csv(f, keep_default_na=False)`,
// `gold = df[df.row == "gold"]`, `votes = df[df.row == "vote"]`.
import { CsvError, formatCsvRow, parseCsv } from '../csv';
import { HATEFUL, NOT_HATEFUL, type Hate } from '../taxonomy';
import {
  IxCollector,
  PROVENANCE_FIELDS,
  provenanceFields,
  withoutEmptyMarkers,
  type IxDocument,
  type IxParsed,
  type IxVote,
} from './model';

export const CSV_COLUMNS = [
  'row',
  'id',
  'set_name',
  'img',
  'text',
  'annotator',
  'hate',
  'pc',
  'attack',
  'at',
  'ms',
  'note',
  'flag',
  'gv',
  'own_vote',
  ...PROVENANCE_FIELDS,
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Thrown when a label cannot be written in a ";"-joined list. */
export class CsvLabelError extends Error {}

function joinLabels(labels: readonly string[], id: unknown): string {
  for (const l of labels)
    if (l.includes(';') || l === '')
      throw new CsvLabelError(
        `meme ${String(id)}: the label "${l}" cannot be written in a ";"-joined CSV list; export another format`,
      );
  return labels.join(';');
}

export function writeCsv(doc: IxDocument): string {
  const out: string[] = [formatCsvRow(CSV_COLUMNS)];
  const row = (v: Partial<Record<Column, string>>): void => {
    out.push(formatCsvRow(CSV_COLUMNS.map((c) => v[c] ?? '')));
  };
  for (const rec of doc.records) {
    const { item } = rec;
    const id = String(item.id);
    row({
      row: 'gold',
      id,
      set_name: item.set_name ?? '',
      img: item.img,
      text: item.text,
      hate: rec.gold.hate[0] ?? '',
      pc: joinLabels(rec.gold.pc, id),
      attack: joinLabels(rec.gold.attack, id),
      ...provenanceFields(item),
    });
    for (const v of rec.votes)
      row({
        row: 'vote',
        id,
        annotator: v.annotator,
        hate: v.hate,
        pc: joinLabels(v.pc, id),
        attack: joinLabels(v.attack, id),
        at: v.at,
        ms: String(v.ms),
        note: v.note,
        flag: v.flag ? 'true' : 'false',
        gv: v.gv ?? '',
      });
    const d = rec.decision;
    if (d)
      row({
        row: 'decision',
        id,
        annotator: d.lead,
        hate: d.hate,
        pc: joinLabels(d.pc, id),
        attack: joinLabels(d.attack, id),
        at: d.at,
        note: d.note,
        own_vote: d.own_vote ? 'true' : 'false',
      });
  }
  return out.join('');
}

/** An id cell: a canonical non-negative integer is a number (FGHM ids), anything else a string. */
function idOf(cell: string): number | string {
  return /^(0|[1-9]\d{0,14})$/.test(cell) ? Number(cell) : cell;
}

const splitLabels = (s: string): string[] => (s === '' ? [] : s.split(';'));

/** Whether a CSV's header is ours (the import recognises the file by it). */
export function isOurCsvHeader(cells: readonly string[]): boolean {
  return cells.length >= 3 && cells[0] === 'row' && cells[1] === 'id' && cells.includes('hate');
}

export function readCsv(text: string, file: string): IxParsed {
  const c = new IxCollector('csv', file);
  let rows;
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) {
      c.error(err.line, err.reason);
      return c.result();
    }
    throw err;
  }
  if (rows.length === 0) {
    c.error(1, 'empty file: expected a header row');
    return c.result();
  }
  const header = rows[0].cells;
  const missing = ['row', 'id', 'hate', 'pc', 'attack'].filter((h) => !header.includes(h));
  if (!isOurCsvHeader(header) || missing.length) {
    c.error(1, `the header is not Meme Jury's CSV (missing ${missing.join(', ') || '"row" first'})`);
    return c.result();
  }
  const col = new Map(header.map((h, i) => [h, i]));
  const get = (cells: string[], name: string): string => {
    const i = col.get(name);
    return i === undefined ? '' : cells[i];
  };
  const votes: { cells: string[]; line: number }[] = [];
  for (const { cells, line } of rows.slice(1)) {
    const kind = get(cells, 'row');
    if (kind === 'gold') {
      const raw: Record<string, unknown> = {
        id: idOf(get(cells, 'id')),
        img: get(cells, 'img'),
        text: get(cells, 'text'),
      };
      const set = get(cells, 'set_name');
      if (set !== '') raw.set_name = set;
      const hate = get(cells, 'hate');
      if (hate !== '') {
        if (hate !== HATEFUL && hate !== NOT_HATEFUL) {
          c.error(line, 'field "hate": expected "hateful", "not_hateful" or empty (unresolved)');
          continue;
        }
        raw.gold_hate = [hate];
      }
      for (const f of PROVENANCE_FIELDS) if (get(cells, f) !== '') raw[f] = get(cells, f);
      c.item(raw, line, '');
    } else if (kind === 'vote' || kind === 'decision') votes.push({ cells, line });
    else c.error(line, 'field "row": expected "gold", "vote" or "decision"');
  }
  // Votes after every meme is known: a vote row may come before its meme's gold row.
  for (const { cells, line } of votes) {
    const id = idOf(get(cells, 'id'));
    const hate = get(cells, 'hate');
    if (hate !== HATEFUL && hate !== NOT_HATEFUL) {
      c.error(line, 'field "hate": expected "hateful" or "not_hateful"');
      continue;
    }
    const at = get(cells, 'at');
    const pc = withoutEmptyMarkers(splitLabels(get(cells, 'pc')));
    const attack = withoutEmptyMarkers(splitLabels(get(cells, 'attack')));
    const note = get(cells, 'note');
    if (get(cells, 'row') === 'decision') {
      const own = get(cells, 'own_vote');
      c.decision(
        id,
        {
          lead: get(cells, 'annotator'),
          hate: hate as Hate,
          pc,
          attack,
          at,
          note,
          ...(own === 'true' ? { own_vote: true as const } : {}),
        },
        line,
      );
      continue;
    }
    const msCell = get(cells, 'ms');
    if (!/^\d+(\.\d+)?$/.test(msCell || '0')) {
      c.error(line, 'field "ms": expected milliseconds');
      continue;
    }
    const flag = get(cells, 'flag');
    if (flag !== '' && flag !== 'true' && flag !== 'false') {
      c.error(line, 'field "flag": expected "true", "false" or empty');
      continue;
    }
    const vote: IxVote = {
      annotator: get(cells, 'annotator'),
      hate: hate as Hate,
      pc,
      attack,
      at,
      ms: Number(msCell || '0'),
      note,
      flag: flag === 'true',
    };
    const gv = get(cells, 'gv');
    if (gv !== '') vote.gv = gv;
    c.vote(id, vote, line, 'annotator');
  }
  return c.result();
}
