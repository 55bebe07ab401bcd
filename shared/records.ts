// Record types of the project folder, with hand-written runtime validation. The validators sit on
// the hot path of replaying hundreds of thousands of lines, so they avoid schema libraries and
// return the first problem as a field-named message instead of throwing.
import { GUIDELINE_VERSION_RULE, isGuidelineVersion } from './guidelines';
import { ANNOTATOR_ID_RULE, isAnnotatorId } from './ids';
import { cursor, matchLine, own, PLAIN_STRING, plainString } from './lineScan';
import { HATEFUL, NOT_HATEFUL, type Hate } from './taxonomy';

export type ItemId = number | string;

export type ItemKey = number | string;

/**
 * Map key of an item id. FGHM ids are numbers and stay numbers (no string per lookup); a string
 * that spells a canonical non-negative integer ("83745") is the same item as the number.
 */
export function itemKey(id: ItemId): ItemKey {
  if (typeof id === 'number') return id;
  const c = id.charCodeAt(0);
  if (c >= 48 && c <= 57 && id.length <= 15 && /^(0|[1-9]\d*)$/.test(id)) return Number(id);
  return id;
}

export interface Provenance {
  source?: string;
  licence?: string;
  consent?: 'yes' | 'no' | 'unknown';
  region?: string;
  notes?: string;
}

export interface Item {
  id: ItemId;
  img: string;
  text: string;
  set_name?: string;
  /** Reference gold from an imported file: used only for hate when an item has no votes. */
  ref_hate?: Hate;
  /** Where the item came from: "<file>:<line>". */
  origin?: string;
  provenance?: Provenance;
}

/**
 * Why a line holds no label: "distressing" never counts against the annotator; "broken" reports
 * an image that cannot be shown, for the lead.
 */
export const SKIP_REASONS = ['distressing', 'skip', 'broken'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface AnnotationEvent {
  v: 1;
  item: ItemId;
  annotator: string;
  /** null: the line records a flag, a note or a skip without a label. */
  hate: Hate | null;
  pc: string[];
  attack: string[];
  at: string;
  ms: number;
  note: string;
  flag: boolean;
  /** Retracts this annotator's previous line for the item. */
  undo?: true;
  /** Skipped without a label. */
  skip?: SkipReason;
  /** The guidelines version (shared/guidelines.ts) the annotator's app showed when this was saved. */
  gv?: string;
  /** The model suggestion that was on screen when this was saved (model-assisted labeling). */
  model?: ModelSuggestion;
}

/** What a line records of a model suggestion it was made with: how it was shown, and what. */
export interface ModelSuggestion {
  shown: 'after' | 'preselect';
  hate: Hate;
  pc: string[];
  attack: string[];
}

function checkModel(v: unknown): ModelSuggestion | string {
  if (!isObject(v)) return 'field "model": expected an object';
  if (v.shown !== 'after' && v.shown !== 'preselect')
    return 'field "model.shown": expected "after" or "preselect"';
  if (!isHate(v.hate)) return 'field "model.hate": expected "hateful" or "not_hateful"';
  if (!stringList(v.pc) || !stringList(v.attack))
    return 'field "model.pc"/"model.attack": expected label lists';
  return { shown: v.shown, hate: v.hate, pc: internList(v.pc), attack: internList(v.attack) };
}

// Replaying a project holds hundreds of thousands of lines in memory, and JSON.parse makes a new
// string for every annotator id and label and a new array for every label list. Interning them
// (lists are frozen, never mutated) cuts the live heap several-fold, and with it GC time.
const MAX_INTERNED = 50_000;
const internedStrings = new Map<string, string>();
const internedLists = new Map<string, readonly string[]>();

export function internString(s: string): string {
  const hit = internedStrings.get(s);
  if (hit !== undefined) return hit;
  if (internedStrings.size < MAX_INTERNED) internedStrings.set(s, s);
  return s;
}

const EMPTY_LIST: readonly string[] = Object.freeze([]);

function internList(list: readonly string[]): string[] {
  if (list.length === 0) return EMPTY_LIST as string[];
  const key = list.length === 1 ? list[0] : list.join('\u0000');
  const hit = internedLists.get(key);
  if (hit !== undefined) return hit as string[];
  const frozen = Object.freeze(list.map(internString));
  if (internedLists.size < MAX_INTERNED) internedLists.set(key, frozen);
  return frozen as string[];
}

export type Check<T> = { ok: true; value: T } | { ok: false; error: string };

export const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function isItemId(v: unknown): v is ItemId {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0;
  if (typeof v !== 'string' || v.length === 0 || v.length > 200) return false;
  // Control characters would make ids unprintable in messages and unsafe in file lines.
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) < 0x20) return false;
  return true;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function stringList(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (const s of v) if (typeof s !== 'string' || s.length === 0) return false;
  return true;
}

export function isHate(v: unknown): v is Hate {
  return v === HATEFUL || v === NOT_HATEFUL;
}

// The form toISOString writes (every line the app appends), with field ranges Date.parse always
// accepts: recognised without calling Date.parse, which is the slowest part of checking a line.
const ISO_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;

// The last time string found good: lines checked together (an import's) nearly always share it.
// Kept as given, so callers pass strings of their own, never a slice of a larger text (a log's
// whole text would stay in memory with it): decodeAnnotationLine owns its capture first.
let lastGoodTime: string | null = null;

/** Whether `v` is a time string Date.parse reads (the rule of every "at" field). */
export function isTimeString(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  if (v === lastGoodTime) return true;
  if (!ISO_TIME.test(v) && Number.isNaN(Date.parse(v))) return false;
  lastGoodTime = v;
  return true;
}

export function checkCommon(o: Record<string, unknown>): string | null {
  if (o.v !== 1) return 'field "v": expected 1';
  if (!isItemId(o.item)) return 'field "item": expected a non-negative integer or a non-empty id string';
  if (!isTimeString(o.at)) return 'field "at": expected an ISO time';
  return null;
}

let lastGoodAnnotator: string | null = null;

export function checkAnnotationEvent(raw: unknown): Check<AnnotationEvent> {
  if (!isObject(raw)) return fail('expected a JSON object');
  const common = checkCommon(raw);
  if (common) return fail(common);
  // Lines checked together nearly always share their annotator: the rule is applied once to it.
  let annotator: string;
  if (lastGoodAnnotator !== null && raw.annotator === lastGoodAnnotator) annotator = lastGoodAnnotator;
  else {
    if (!isAnnotatorId(raw.annotator))
      return fail(`field "annotator": expected an annotator id (${ANNOTATOR_ID_RULE})`);
    annotator = lastGoodAnnotator = raw.annotator;
  }
  if (raw.undo === true) {
    return {
      ok: true,
      value: {
        v: 1,
        item: raw.item as ItemId,
        annotator: internString(annotator),
        hate: null,
        pc: EMPTY_LIST as string[],
        attack: EMPTY_LIST as string[],
        at: raw.at as string,
        ms: 0,
        note: '',
        flag: false,
        undo: true,
      },
    };
  }
  if (raw.undo !== undefined) return fail('field "undo": expected true or absent');
  if (raw.hate !== null && !isHate(raw.hate))
    return fail('field "hate": expected "hateful", "not_hateful" or null');
  if (!stringList(raw.pc)) return fail('field "pc": expected a list of label strings');
  if (!stringList(raw.attack)) return fail('field "attack": expected a list of label strings');
  if (raw.hate !== HATEFUL && (raw.pc.length > 0 || raw.attack.length > 0))
    return fail('field "pc"/"attack": labels are only allowed when "hate" is "hateful"');
  const ms = raw.ms ?? 0;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    return fail('field "ms": expected a non-negative number');
  const note = raw.note ?? '';
  if (typeof note !== 'string') return fail('field "note": expected a string');
  const flag = raw.flag ?? false;
  if (typeof flag !== 'boolean') return fail('field "flag": expected true or false');
  if (raw.skip !== undefined && !SKIP_REASONS.includes(raw.skip as SkipReason))
    return fail('field "skip": expected "distressing", "skip" or absent');
  if (raw.gv !== undefined && !isGuidelineVersion(raw.gv))
    return fail(`field "gv": expected ${GUIDELINE_VERSION_RULE} or absent`);
  const model = raw.model === undefined ? undefined : checkModel(raw.model);
  if (typeof model === 'string') return fail(model);
  const value: AnnotationEvent = {
    v: 1,
    item: raw.item as ItemId,
    annotator: internString(annotator),
    hate: raw.hate,
    pc: internList(raw.pc),
    attack: internList(raw.attack),
    at: raw.at as string,
    ms,
    note,
    flag,
  };
  if (raw.skip !== undefined) value.skip = raw.skip as SkipReason;
  if (raw.gv !== undefined) value.gv = internString(raw.gv as string);
  if (model) value.model = model;
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// The fast path of replaying a log. Every line the app writes is JSON.stringify of a checked
// record, so its keys come in one order with no spaces. `decodeAnnotationLine` reads exactly that
// form straight from the text, without JSON.parse's intermediate object and arrays, and returns
// undefined for anything else (other key orders, spaces, escapes, unknown keys, a value the check
// would refuse), which then goes through JSON.parse and checkAnnotationEvent as before. So it
// changes no result: a line it accepts gives the value checkAnnotationEvent gives (a unit test
// compares the two on canonical and on mutated lines).

/** A fast decoder of one line (`text` from `start` to `end`), or undefined to take the slow path. */
export type LineDecoder<T> = (text: string, start: number, end: number) => T | undefined;

/** A record check, optionally with a fast decoder of the canonical line form (used by eachJsonl). */
export interface LineCheck<T> {
  (raw: unknown): Check<T>;
  decode?: LineDecoder<T>;
}

/** Label lists already seen, by their JSON text ('"race","sex"'): the interned list. */
const listsByText = new Map<string, string[]>();

/** The label list whose JSON text between the brackets is `key`, interned; undefined if not plain. */
export function labelList(key: string): string[] | undefined {
  if (key === '') return EMPTY_LIST as string[];
  const hit = listsByText.get(key);
  if (hit !== undefined) return hit;
  const labels: string[] = [];
  let j = 0;
  for (;;) {
    const label = plainString(key, j, key.length);
    if (label === undefined || label === '') return undefined;
    labels.push(label);
    j = cursor.at;
    if (j === key.length) break;
    if (key.charCodeAt(j) !== 44) return undefined;
    j++;
  }
  const list = internList(labels);
  if (listsByText.size < MAX_INTERNED) listsByText.set(own(key), list);
  return list;
}

/**
 * `{"v":1,"item":…,"annotator":…,"hate":…,"pc":[…],"attack":[…],"at":…,"ms":…,"note":…,
 * "flag":…}` with `"undo":true` last, or an optional `"skip":…` then an optional `"gv":…` last,
 * exactly as written by the app. One sticky expression reads the whole line: the engine's
 * compiled matcher is several times faster than reading it token by token in script. The hate
 * value and the flag are told by which empty group matched, so they cost no string per line.
 */
const ANNOTATION_LINE = new RegExp(
  '\\{"v":1,"item":(?:(0|[1-9]\\d{0,14})|' +
    PLAIN_STRING +
    '),"annotator":' +
    PLAIN_STRING +
    ',"hate":(?:"hateful"()|"not_hateful"()|null),"pc":\\[([^\\]]*)\\],"attack":\\[([^\\]]*)\\],"at":' +
    PLAIN_STRING +
    ',"ms":(0|[1-9]\\d{0,14}),"note":' +
    PLAIN_STRING +
    ',"flag":(?:true()|false)(?:(,"undo":true)|(?:,"skip":' +
    PLAIN_STRING +
    ')?(?:,"gv":' +
    PLAIN_STRING +
    ')?)\\}',
  'y',
);

// The last annotator, time and guidelines version read: consecutive lines of a log nearly always
// share the first and the last, and lines written together (an import) the second, so each is
// checked and copied once.
let lastAnnotator = '';
let lastTime = '';
let lastGv = '';

/**
 * The item id a line expression captured, as digits (a number) or as a plain string, owned; or
 * undefined when the id rule refuses it.
 */
export function capturedItemId(digits: string | undefined, text: string | undefined): ItemId | undefined {
  if (digits !== undefined) return Number(digits);
  return isItemId(text) ? own(text) : undefined;
}

export const decodeAnnotationLine: LineDecoder<AnnotationEvent> = (t, start, end) => {
  const m = matchLine(ANNOTATION_LINE, t, start, end);
  if (m === null) return undefined;
  const item = capturedItemId(m[1], m[2]);
  if (item === undefined) return undefined;
  let annotator = m[3];
  if (annotator !== lastAnnotator) {
    if (!isAnnotatorId(annotator)) return undefined;
    annotator = lastAnnotator = internString(own(annotator));
  } else annotator = lastAnnotator;
  let time = m[8];
  if (time !== lastTime) {
    // Owned first: isTimeString keeps the last good time, which must not hold the log's text.
    time = own(time);
    if (!isTimeString(time)) return undefined;
    lastTime = time;
  } else time = lastTime;
  // Read even on an undo line, which keeps neither: a list JSON.parse would refuse is refused.
  const pc = labelList(m[6]);
  if (pc === undefined) return undefined;
  const attack = labelList(m[7]);
  if (attack === undefined) return undefined;
  if (m[12] !== undefined)
    // What checkAnnotationEvent makes of any undo line: the retraction, nothing else kept.
    return {
      v: 1,
      item,
      annotator,
      hate: null,
      pc: EMPTY_LIST as string[],
      attack: EMPTY_LIST as string[],
      at: time,
      ms: 0,
      note: '',
      flag: false,
      undo: true,
    };
  const hate: Hate | null = m[4] !== undefined ? HATEFUL : m[5] !== undefined ? NOT_HATEFUL : null;
  if (hate !== HATEFUL && (pc.length > 0 || attack.length > 0)) return undefined;
  const ev: AnnotationEvent = {
    v: 1,
    item,
    annotator,
    hate,
    pc,
    attack,
    at: time,
    ms: Number(m[9]),
    note: own(m[10]),
    flag: m[11] !== undefined,
  };
  const skip = m[13];
  if (skip !== undefined) {
    if (!SKIP_REASONS.includes(skip as SkipReason)) return undefined;
    ev.skip = skip as SkipReason;
  }
  let gv = m[14];
  if (gv !== undefined) {
    // Consecutive lines nearly always carry the same guidelines version.
    if (gv !== lastGv) {
      if (!isGuidelineVersion(gv)) return undefined;
      gv = lastGv = internString(own(gv));
    } else gv = lastGv;
    ev.gv = gv;
  }
  return ev;
};

(checkAnnotationEvent as LineCheck<AnnotationEvent>).decode = decodeAnnotationLine;
