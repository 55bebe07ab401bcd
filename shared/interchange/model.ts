// Interchange with other labeling tools (Label Studio, Prodigy, CSV, Hugging Face): the one model
// every format writes from and reads into. An export turns the selected memes (shared/export.ts
// chooses them, as for FGHM) into `IxRecord`s; each format maps those to its own shape and back.
// Reading is strict: every problem names its line and field, and a file with any bad record
// imports nothing (electron/services/interchange.ts).
import { checkFghmItem } from '../fghm';
import { isAnnotatorId } from '../ids';
import type { LineError } from '../jsonl';
import { normalizeLabels } from '../labels';
import {
  checkAnnotationEvent,
  itemKey,
  type AnnotationEvent,
  type Item,
  type ItemId,
  type ItemKey,
} from '../records';
import { checkLeadLine } from '../leadLines';
import type { PredictionRow } from '../scorer';
import { HATEFUL, NOT_HATEFUL, isKnownLabel, type Hate, type Task } from '../taxonomy';

export const INTERCHANGE_FORMATS = ['labelstudio', 'prodigy', 'csv', 'hf'] as const;
export type InterchangeFormat = (typeof INTERCHANGE_FORMATS)[number];

export function isInterchangeFormat(f: string): f is InterchangeFormat {
  return (INTERCHANGE_FORMATS as readonly string[]).includes(f);
}

/** What each format is called in messages. */
export const FORMAT_TITLE: Record<InterchangeFormat | 'fghm', string> = {
  labelstudio: 'Label Studio JSON',
  prodigy: 'Prodigy JSONL',
  csv: 'CSV',
  hf: 'Hugging Face imagefolder',
  fghm: 'FGHM',
};

/** One annotator's answer, as every interchange format carries it. */
export interface IxVote {
  annotator: string;
  hate: Hate;
  pc: string[];
  attack: string[];
  /** ISO time the answer was saved. */
  at: string;
  /** Milliseconds from the meme appearing to the save. */
  ms: number;
  note: string;
  flag: boolean;
  /** Guidelines version the answer was made under. */
  gv?: string;
}

/** A lead's decision on a meme (it overrides the policy). */
export interface IxDecision {
  lead: string;
  hate: Hate;
  pc: string[];
  attack: string[];
  at: string;
  note: string;
  own_vote?: true;
}

/** The gold an export computed, in the FGHM record's lists (empty for an unresolved meme). */
export interface IxGold {
  hate: string[];
  pc: string[];
  attack: string[];
}

/** One exported meme: the item, its gold, every vote in the project's stable order. */
export interface IxRecord {
  item: Item;
  gold: IxGold;
  votes: IxVote[];
  decision: IxDecision | null;
  /** The attached model prediction for this meme, if any. */
  prediction: PredictionRow | null;
}

export interface IxDocument {
  /** The project's name (Prodigy's dataset name, the dataset card's title). */
  project: string;
  records: IxRecord[];
}

// ---- reading ---------------------------------------------------------------------------------

export interface IxItemIn {
  item: Item;
  line: number;
}

export interface IxVoteIn {
  event: AnnotationEvent;
  line: number;
}

export interface IxDecisionIn {
  item: ItemId;
  decision: IxDecision;
  line: number;
}

/** What a file holds, checked: items, votes and decisions, or the errors that refuse it. */
export interface IxParsed {
  format: InterchangeFormat;
  items: IxItemIn[];
  votes: IxVoteIn[];
  decisions: IxDecisionIn[];
  /** Annotators in the order their answers appear (consistent with every meme's order). */
  annotators: string[];
  errors: LineError[];
  warnings: string[];
}

/** The message of a check for a field of a format: `field "img"` becomes `field "data.img"`. */
export function inField(prefix: string, message: string, names: Record<string, string> = {}): string {
  return message.replace(/field "([^"]+)"/g, (_m, f: string) => `field "${names[f] ?? prefix + f}"`);
}

/** A label list: strings only. */
export function isLabelList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/**
 * Collects what a file says, checking each piece once: an item is defined once (a second
 * definition must agree), an annotator answers a meme once, every vote names a known meme.
 */
export class IxCollector {
  readonly items: IxItemIn[] = [];
  readonly votes: IxVoteIn[] = [];
  readonly decisions: IxDecisionIn[] = [];
  readonly errors: LineError[] = [];
  readonly warnings: string[] = [];
  private readonly itemAt = new Map<ItemKey, IxItemIn>();
  private readonly voted = new Map<string, number>();
  private readonly decided = new Map<ItemKey, number>();
  /** Per meme, its annotators in file order: the order the project's lists must keep. */
  private readonly sequences: string[][] = [];
  private readonly current = new Map<ItemKey, string[]>();
  private readonly warned = new Set<string>();

  constructor(
    readonly format: InterchangeFormat,
    readonly file: string,
  ) {}

  error(line: number, message: string): void {
    this.errors.push({ file: this.file, line, message });
  }

  /** A warning said once per kind (`key`), however many records it concerns. */
  warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(`${this.file}: ${message}`);
  }

  warn(line: number, message: string): void {
    this.warnings.push(`${this.file}:${line}: ${message}`);
  }

  /**
   * A meme from the fields of a record, checked as an FGHM item (`prefix` names where the
   * fields sit, e.g. "data."). Returns the item, or null after recording the error.
   */
  item(
    raw: Record<string, unknown>,
    line: number,
    prefix: string,
    names: Record<string, string> = {},
  ): Item | null {
    const c = checkFghmItem(raw);
    if (!c.ok) {
      this.error(line, inField(prefix, c.error, names));
      return null;
    }
    const item = c.value;
    const key = itemKey(item.id);
    const prev = this.itemAt.get(key);
    if (prev) {
      if (
        prev.item.img !== item.img ||
        prev.item.text !== item.text ||
        prev.item.set_name !== item.set_name
      ) {
        this.error(
          line,
          `field "${names.id ?? prefix + 'id'}": meme ${String(key)} is defined at line ${prev.line} with another image, text or set_name`,
        );
        return null;
      }
      return prev.item;
    }
    const entry = { item, line };
    this.itemAt.set(key, entry);
    this.items.push(entry);
    return item;
  }

  hasItem(id: ItemId): boolean {
    return this.itemAt.has(itemKey(id));
  }

  /**
   * One annotator's answer: labels normalised as the app saves them (categories and attacks only
   * for "hateful", repeats and order kept as the file has them), checked as an annotation line.
   */
  vote(item: ItemId, v: IxVote, line: number, field: string): boolean {
    if (!isAnnotatorId(v.annotator)) {
      this.error(
        line,
        `field "${field}": annotator "${v.annotator}" is not an annotator id (letters, digits, "_", "-")`,
      );
      return false;
    }
    const labels = normalizeLabels(v.hate, v.pc, v.attack, { keepRepeats: true });
    if (v.hate !== HATEFUL && (v.pc.length > 0 || v.attack.length > 0))
      this.warn(
        line,
        `annotator ${v.annotator} answered not hateful: their categories and attacks are dropped`,
      );
    const ev: Record<string, unknown> = {
      v: 1,
      item,
      annotator: v.annotator,
      ...labels,
      at: v.at,
      ms: v.ms,
      note: v.note,
      flag: v.flag,
    };
    if (v.gv !== undefined) ev.gv = v.gv;
    const c = checkAnnotationEvent(ev);
    if (!c.ok) {
      this.error(line, c.error);
      return false;
    }
    const key = `${v.annotator}\u0000${String(itemKey(item))}`;
    const first = this.voted.get(key);
    if (first !== undefined) {
      this.error(line, `annotator ${v.annotator} answered meme ${String(item)} already at line ${first}`);
      return false;
    }
    this.voted.set(key, line);
    for (const task of ['pc', 'attack'] as const) this.outside(task, labels[task], line);
    this.votes.push({ event: c.value, line });
    const seq = this.current.get(itemKey(item));
    if (seq) seq.push(v.annotator);
    else {
      const s = [v.annotator];
      this.current.set(itemKey(item), s);
      this.sequences.push(s);
    }
    return true;
  }

  decision(item: ItemId, d: IxDecision, line: number): boolean {
    if (!isAnnotatorId(d.lead)) {
      this.error(line, `lead "${d.lead}" is not an annotator id (letters, digits, "_", "-")`);
      return false;
    }
    const first = this.decided.get(itemKey(item));
    if (first !== undefined) {
      this.error(line, `meme ${String(item)} has a lead decision already at line ${first}`);
      return false;
    }
    const labels = normalizeLabels(d.hate, d.pc, d.attack);
    const decision: IxDecision = { ...d, ...labels };
    const checked = checkLeadLine({ v: 1, item, ...decision });
    if (!checked.ok) {
      this.error(line, checked.error);
      return false;
    }
    this.decided.set(itemKey(item), line);
    this.decisions.push({ item, decision, line });
    return true;
  }

  private outside(task: Task, labels: readonly string[], line: number): void {
    for (const l of labels)
      if (!isKnownLabel(task, l)) this.warn(line, `label "${l}" (${task}) is outside the taxonomy (kept)`);
  }

  /** Votes and decisions must name memes the file defines. */
  checkReferences(): void {
    for (const v of this.votes)
      if (!this.hasItem(v.event.item))
        this.error(v.line, `meme ${String(v.event.item)} is answered but never defined in this file`);
    for (const d of this.decisions)
      if (!this.hasItem(d.item))
        this.error(d.line, `meme ${String(d.item)} is decided but never defined in this file`);
  }

  result(): IxParsed {
    this.checkReferences();
    this.errors.sort((a, b) => a.line - b.line);
    return {
      format: this.format,
      items: this.items,
      votes: this.votes,
      decisions: this.decisions,
      annotators: annotatorOrder(this.sequences),
      errors: this.errors,
      warnings: this.warnings,
    };
  }
}

/**
 * One order of annotators that keeps the order of every meme's answers (a topological order of
 * "a answered before b on some meme"), ties broken by first appearance: exporting the project's
 * stable order and reading it back gives the same order, so per-annotator lists come back alike.
 */
export function annotatorOrder(sequences: readonly (readonly string[])[]): string[] {
  const first = new Map<string, number>();
  const after = new Map<string, Set<string>>();
  const indegree = new Map<string, number>();
  for (const seq of sequences)
    for (const a of seq) {
      if (!first.has(a)) {
        first.set(a, first.size);
        after.set(a, new Set());
        indegree.set(a, 0);
      }
    }
  for (const seq of sequences)
    for (let i = 1; i < seq.length; i++) {
      const [a, b] = [seq[i - 1], seq[i]];
      if (a === b || after.get(a)!.has(b)) continue;
      after.get(a)!.add(b);
      indegree.set(b, indegree.get(b)! + 1);
    }
  const byFirst = [...first.keys()];
  const out: string[] = [];
  const done = new Set<string>();
  while (out.length < byFirst.length) {
    // The first-seen annotator nobody must precede; on a cycle (files that disagree), the
    // first-seen of those left.
    const next =
      byFirst.find((a) => !done.has(a) && indegree.get(a) === 0) ?? byFirst.find((a) => !done.has(a))!;
    done.add(next);
    out.push(next);
    for (const b of after.get(next)!) indegree.set(b, indegree.get(b)! - 1);
  }
  return out;
}

/** The hate answer of a list of choices: exactly one of "hateful" / "not_hateful". */
export function hateOf(choices: readonly string[]): Hate | string {
  const hates = choices.filter((c) => c === HATEFUL || c === NOT_HATEFUL);
  if (hates.length === 1 && choices.length === 1) return hates[0] as Hate;
  if (hates.length === 0) return 'no hate answer ("hateful" or "not_hateful")';
  if (hates.length > 1) return 'more than one hate answer';
  return 'other choices beside the hate answer';
}

/** Drops the "empty" markers of the released files (pc_empty, attack_empty) from a vote's list. */
export function withoutEmptyMarkers(labels: readonly string[]): string[] {
  return labels.filter((l) => l !== 'pc_empty' && l !== 'attack_empty');
}

/** An ISO time from a time string or Unix seconds; null when neither. */
export function isoTime(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Date.parse(v))) return v;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return new Date(v * 1000).toISOString();
  return null;
}

/** Provenance fields of an item, as flat strings (every format writes them alike). */
export const PROVENANCE_FIELDS = ['source', 'licence', 'consent', 'region', 'notes'] as const;

export function provenanceFields(item: Item): Record<string, string> {
  const out: Record<string, string> = {};
  const p = item.provenance;
  if (!p) return out;
  for (const f of PROVENANCE_FIELDS) {
    const v = p[f];
    if (typeof v === 'string' && v !== '') out[f] = v;
  }
  return out;
}
