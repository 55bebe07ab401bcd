// Mapping between the released FGHM files and the project's records. Import keeps every label,
// including ones outside the taxonomy (reported as warnings); export writes the released shape.
import type { Gold } from './gold';
import { normalizeLabels } from './labels';
import { jsonList, jsonString } from './jsonText';
import { matchLine, own, PLAIN_STRING } from './lineScan';
import {
  capturedItemId,
  internString,
  isItemId,
  labelList,
  type AnnotationEvent,
  type Check,
  type Item,
  type ItemId,
  type LineCheck,
  type LineDecoder,
} from './records';
import { provenanceFromRecord } from './governance';
import { HATEFUL, NOT_HATEFUL, isKnownLabel, type Hate, type Task } from './taxonomy';

/** One annotator slot of a released record: the labels of one (anonymous) annotator. */
export interface SlotLabels {
  hate: Hate;
  pc: string[];
  attack: string[];
}

export interface FghmImport {
  item: Item;
  /** Annotator slots in file order; empty for records without annotator labels. */
  slots: SlotLabels[];
  warnings: string[];
}

export interface FghmRecord {
  id: ItemId;
  set_name?: string;
  img: string;
  text: string;
  gold_hate: string[];
  gold_pc: string[];
  gold_attack: string[];
  pc: string[][] | 'None';
  attack: string[][] | 'None';
}

type Result = { ok: true; value: FghmImport } | { ok: false; error: string };

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function slotLists(v: unknown, field: Task): string[][] | 'None' | string {
  if (v === undefined || v === null || v === 'None') return 'None';
  if (!Array.isArray(v)) return `field "${field}": expected "None" or a list of label lists`;
  for (let i = 0; i < v.length; i++) {
    if (!isStringArray(v[i])) return `field "${field}": annotator ${i + 1} must be a list of label strings`;
  }
  return v as string[][];
}

/**
 * Why an item's `img` does not name a file inside the project, or null: it must be a relative
 * '/'-separated path without "." or ".." segments, not absolute, not a URL or a drive, without
 * backslashes, NUL or hidden segments (.memejury/ and the like are never images).
 */
export function imagePathProblem(img: string): string | null {
  if (img.includes('\0') || img.includes('\\')) return 'a backslash or NUL is not part of an image path';
  if (img.startsWith('/')) return 'an absolute path; give the path inside the project (img/…)';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(img))
    return 'a URL or drive; give the path inside the project (img/…)';
  // One pass over the '/'-separated segments (every item of a 100k-item list comes through here).
  let leaves = false;
  let hidden = false;
  for (let from = 0; from <= img.length;) {
    let to = img.indexOf('/', from);
    if (to < 0) to = img.length;
    const len = to - from;
    if (len === 0) leaves = true;
    else if (img.charCodeAt(from) === 46) {
      if (len === 1 || (len === 2 && img.charCodeAt(from + 1) === 46)) leaves = true;
      else hidden = true;
    }
    from = to + 1;
  }
  if (leaves) return 'a path that leaves the project ("..", "." or "//")';
  if (hidden) return 'a hidden file or folder';
  return null;
}

/** The item part of a released record (id, img, text, set_name, reference gold_hate). */
export function checkFghmItem(raw: unknown): Check<Item> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: 'expected a JSON object' };
  const r = raw as Record<string, unknown>;
  if (!isItemId(r.id)) return { ok: false, error: 'field "id": expected an integer or an id string' };
  if (typeof r.img !== 'string' || r.img === '')
    return { ok: false, error: 'field "img": expected an image path' };
  const imgProblem = imagePathProblem(r.img);
  if (imgProblem) return { ok: false, error: `field "img": ${imgProblem}` };
  if (typeof r.text !== 'string') return { ok: false, error: 'field "text": expected a string' };
  if (r.set_name !== undefined && typeof r.set_name !== 'string')
    return { ok: false, error: 'field "set_name": expected a string' };
  for (const f of ['gold_hate', 'gold_pc', 'gold_attack'] as const) {
    if (r[f] !== undefined && !isStringArray(r[f]))
      return { ok: false, error: `field "${f}": expected a list of label strings` };
  }
  const goldHate = r.gold_hate as string[] | undefined;
  if (goldHate && goldHate.length > 0 && goldHate[0] !== HATEFUL && goldHate[0] !== NOT_HATEFUL)
    return { ok: false, error: 'field "gold_hate": expected ["hateful"] or ["not_hateful"]' };
  const item: Item = { id: r.id, img: r.img, text: r.text };
  if (typeof r.set_name === 'string') item.set_name = internString(r.set_name);
  if (goldHate && goldHate.length > 0) item.ref_hate = goldHate[0] as Hate;
  const provenance = provenanceFromRecord(r);
  if (provenance) item.provenance = provenance;
  return { ok: true, value: item };
}

/**
 * How an item-list line and a released line begin, `{"id":…[,"set_name":…],"img":…,"text":…`,
 * capturing the id (digits, group 1, or a string, 2), set_name (3), img (4) and text (5): both
 * expressions below start with it, and `capturedItem` reads these groups and the gold_hate (6)
 * each captures next.
 */
const ITEM_FIELDS =
  '\\{"id":(?:(0|[1-9]\\d{0,14})|' +
  PLAIN_STRING +
  ')(?:,"set_name":' +
  PLAIN_STRING +
  ')?,"img":' +
  PLAIN_STRING +
  ',"text":' +
  PLAIN_STRING;

/**
 * An item-list line exactly as the importer writes it, `{"id":…,["set_name":…,]"img":…,"text":…
 * [,"gold_hate":["hateful"|"not_hateful"]]}` with no escapes: the Item checkFghmItem makes of
 * it, read without JSON.parse; undefined for any other line, which JSON.parse and checkFghmItem
 * then read (records.ts explains the fast path; a unit test compares the two).
 */
const ITEM_LINE = new RegExp(ITEM_FIELDS + '(?:,"gold_hate":\\["(hateful|not_hateful)"\\])?\\}', 'y');

let lastSetName = '';

/**
 * The item of a line that ITEM_LINE or FGHM_LINE matched (ITEM_FIELDS, then gold_hate as group
 * 6), or undefined where checkFghmItem would refuse it.
 */
function capturedItem(m: RegExpExecArray): Item | undefined {
  const id = capturedItemId(m[1], m[2]);
  if (id === undefined) return undefined;
  const img = m[4];
  if (img === '' || imagePathProblem(img) !== null) return undefined;
  const item: Item = { id, img: own(img), text: own(m[5]) };
  // Consecutive items nearly always share their split: compared, not looked up, when they do.
  if (m[3] !== undefined)
    item.set_name = m[3] === lastSetName ? lastSetName : (lastSetName = internString(own(m[3])));
  if (m[6] !== undefined) item.ref_hate = m[6] === HATEFUL ? HATEFUL : NOT_HATEFUL;
  return item;
}

export const decodeItemLine: LineDecoder<Item> = (t, start, end) => {
  const m = matchLine(ITEM_LINE, t, start, end);
  return m === null ? undefined : capturedItem(m);
};

(checkFghmItem as LineCheck<Item>).decode = decodeItemLine;

/** Validates one record of a released FGHM file (labelled or unlabelled) and maps it. */
export function fromFghm(raw: unknown): Result {
  const checked = checkFghmItem(raw);
  if (!checked.ok) return checked;
  const item = checked.value;
  const r = raw as Record<string, unknown>;
  const pc = slotLists(r.pc, 'pc');
  if (typeof pc === 'string' && pc !== 'None') return { ok: false, error: pc };
  const attack = slotLists(r.attack, 'attack');
  if (typeof attack === 'string' && attack !== 'None') return { ok: false, error: attack };
  return withSlots(item, pc, attack);
}

/** A checked item and its annotator label lists ('None': none) as the record they make. */
function withSlots(item: Item, pc: string[][] | 'None', attack: string[][] | 'None'): Result {
  const warnings: string[] = [];
  const slots: SlotLabels[] = [];
  if (pc !== 'None' || attack !== 'None') {
    const pcs = pc === 'None' ? [] : pc;
    const attacks = attack === 'None' ? [] : attack;
    if (pc !== 'None' && attack !== 'None' && pcs.length !== attacks.length)
      return {
        ok: false,
        error: `field "attack": ${attacks.length} annotator lists where "pc" has ${pcs.length}`,
      };
    const n = Math.max(pcs.length, attacks.length);
    for (let i = 0; i < n; i++) {
      const p = pcs[i] ?? [];
      const a = attacks[i] ?? [];
      // In the released files only annotators who found the meme hateful have labels; an
      // annotator slot with no label at all is a not-hateful vote (DESIGN.md, export record).
      slots.push({ hate: p.length || a.length ? HATEFUL : NOT_HATEFUL, pc: p, attack: a });
      outsideTaxonomy('pc', p, i, warnings);
      outsideTaxonomy('attack', a, i, warnings);
    }
  }
  return { ok: true, value: { item, slots, warnings } };
}

function outsideTaxonomy(task: Task, list: readonly string[], slot: number, warnings: string[]): void {
  for (let k = 0; k < list.length; k++)
    if (!isKnownLabel(task, list[k]))
      warnings.push(
        `field "${task}": label "${list[k]}" of annotator ${slot + 1} is outside the taxonomy (kept)`,
      );
}

/**
 * A released FGHM line in its own key order with no spaces or escapes, `{"id":…[,"set_name":…],
 * "img":…,"text":…[,"gold_hate":[…]][,"gold_pc":[…]][,"gold_attack":[…]][,"pc":"None"|[[…],…]]
 * [,"attack":"None"|[[…],…]]}`: the record fromFghm makes of it, read without JSON.parse (an
 * import of 100k records spent half its time parsing and mapping them); undefined for any other
 * line, which JSON.parse and fromFghm then read. A unit test compares the two.
 */
const FGHM_LINE = new RegExp(
  ITEM_FIELDS +
    '(?:,"gold_hate":\\[(?:"(hateful|not_hateful)")?\\])?(?:,"gold_pc":\\[([^\\]]*)\\])?' +
    '(?:,"gold_attack":\\[([^\\]]*)\\])?' +
    '(?:,"pc":(?:"None"|(\\[(?:\\[[^\\]]*\\](?:,\\[[^\\]]*\\])*)?\\])))?' +
    '(?:,"attack":(?:"None"|(\\[(?:\\[[^\\]]*\\](?:,\\[[^\\]]*\\])*)?\\])))?\\}',
  'y',
);

/** `[[…],[…]]` as label lists (interned), or undefined if a label is not plain. */
function slotListsText(text: string): string[][] | undefined {
  const lists: string[][] = [];
  // Between the outer brackets: `[…]` lists separated by commas (the expression checked that).
  for (let i = 1; i < text.length - 1;) {
    const close = text.indexOf(']', i);
    const list = labelList(text.slice(i + 1, close));
    if (list === undefined) return undefined;
    lists.push(list);
    i = close + 2;
  }
  return lists;
}

export const decodeFghmLine: LineDecoder<FghmImport> = (t, start, end) => {
  const m = matchLine(FGHM_LINE, t, start, end);
  if (m === null) return undefined;
  // Gold categories and attacks are checked as fromFghm does, and not kept.
  if (m[7] !== undefined && labelList(m[7]) === undefined) return undefined;
  if (m[8] !== undefined && labelList(m[8]) === undefined) return undefined;
  const pc = m[9] === undefined ? 'None' : slotListsText(m[9]);
  const attack = m[10] === undefined ? 'None' : slotListsText(m[10]);
  if (pc === undefined || attack === undefined) return undefined;
  const item = capturedItem(m);
  if (item === undefined) return undefined;
  const r = withSlots(item, pc, attack);
  return r.ok ? r.value : undefined;
};

/** A released FGHM record, checked and mapped (fromFghm), with the fast reader of its lines. */
export const checkFghmRecord: LineCheck<FghmImport> = Object.assign((raw: unknown) => fromFghm(raw), {
  decode: decodeFghmLine,
});

export interface ExportVote {
  hate: Hate;
  pc: readonly string[];
  attack: readonly string[];
}

/**
 * The released record shape, field for field. `votes` are the annotators' labels in the project's
 * stable annotator order; an annotator who voted not hateful contributes `[]`.
 */
export function toFghm(item: Item, votes: readonly ExportVote[], gold: Gold): FghmRecord {
  const hateful = gold.hate === HATEFUL;
  const rec: Partial<FghmRecord> = { id: item.id };
  if (item.set_name !== undefined) rec.set_name = item.set_name;
  rec.img = item.img;
  rec.text = item.text;
  rec.gold_hate = gold.hate ? [gold.hate] : [];
  rec.gold_pc = gold.hate ? [...gold.pc.labels] : [];
  rec.gold_attack = gold.hate ? [...gold.attack.labels] : [];
  rec.pc = hateful ? votes.map((v) => (v.hate === HATEFUL ? [...v.pc] : [])) : 'None';
  rec.attack = hateful ? votes.map((v) => (v.hate === HATEFUL ? [...v.attack] : [])) : 'None';
  return rec as FghmRecord;
}

/** An item as an item list written by the importer holds it: the item, its reference, its provenance. */
export function itemListRecord(item: Item): Record<string, unknown> {
  const rec: Record<string, unknown> = { id: item.id };
  if (item.set_name !== undefined) rec.set_name = item.set_name;
  rec.img = item.img;
  rec.text = item.text;
  if (item.ref_hate) rec.gold_hate = [item.ref_hate];
  // Provenance given in the imported file stays with the item.
  if (item.provenance) Object.assign(rec, item.provenance);
  return rec;
}

/**
 * JSON.stringify(itemListRecord(item)), written field by field (a unit test compares the two):
 * the form decodeItemLine reads back.
 */
export function itemListLine(item: Item): string {
  let line = `{"id":${typeof item.id === 'number' ? String(item.id) : jsonString(item.id)}`;
  if (item.set_name !== undefined) line += `,"set_name":${jsonString(item.set_name)}`;
  line += `,"img":${jsonString(item.img)},"text":${jsonString(item.text)}`;
  if (item.ref_hate) line += `,"gold_hate":["${item.ref_hate}"]`;
  const more = item.provenance ? JSON.stringify(item.provenance) : '{}';
  return more === '{}' ? line + '}' : `${line},${more.slice(1)}`;
}

/**
 * The line of `toFghm(item, votes, gold)`, exactly as JSON.stringify writes it (a unit test
 * compares the two), written field by field: an export of 100k memes spent most of its time in
 * JSON.stringify of the records.
 */
export function fghmLine(item: Item, votes: readonly ExportVote[], gold: Gold): string {
  let line = `{"id":${typeof item.id === 'number' ? String(item.id) : jsonString(item.id)}`;
  if (item.set_name !== undefined) line += `,"set_name":${jsonString(item.set_name)}`;
  line += `,"img":${jsonString(item.img)},"text":${jsonString(item.text)}`;
  if (gold.hate)
    line += `,"gold_hate":["${gold.hate}"],"gold_pc":${jsonList(gold.pc.labels)},"gold_attack":${jsonList(gold.attack.labels)}`;
  else line += ',"gold_hate":[],"gold_pc":[],"gold_attack":[]';
  if (gold.hate !== HATEFUL) return line + ',"pc":"None","attack":"None"}';
  let pc = '';
  let attack = '';
  for (let i = 0; i < votes.length; i++) {
    const v = votes[i];
    const sep = i === 0 ? '' : ',';
    pc += sep + (v.hate === HATEFUL ? jsonList(v.pc) : '[]');
    attack += sep + (v.hate === HATEFUL ? jsonList(v.attack) : '[]');
  }
  return `${line},"pc":[${pc}],"attack":[${attack}]}`;
}

/** Released annotator slots become annotators "fghm-1", "fghm-2", "fghm-3". */
export function slotAnnotator(slot: number): string {
  return `fghm-${slot + 1}`;
}

/** True for the annotator ids that imported slots get ("fghm-1", "fghm-2", …). */
export function isSlotAnnotator(id: string): boolean {
  return /^fghm-[1-9]\d*$/.test(id);
}

/** Annotation lines for the slots of one imported record. */
const KEEP_REPEATS = { keepRepeats: true } as const;

export function slotEvents(rec: FghmImport, at: string): AnnotationEvent[] {
  return rec.slots.map((s, i) => {
    // Fields written out rather than spread: an import makes one event per slot of 100k records.
    const labels = normalizeLabels(s.hate, s.pc, s.attack, KEEP_REPEATS);
    return {
      v: 1,
      item: rec.item.id,
      annotator: slotAnnotator(i),
      hate: labels.hate,
      pc: labels.pc,
      attack: labels.attack,
      at,
      ms: 0,
      note: '',
      flag: false,
    };
  });
}
