// Gold export: which items go out, and in which shape. Gold is always recomputed from the
// annotators' labels and the lead's decisions, never copied from an imported file.
import { toFghm, type FghmRecord } from './fghm';
import type { Gold, GoldPolicy, Vote } from './gold';
import { rightsReason, type RightsFilters } from './governance';
import type { Item, Provenance } from './records';
import type { Adjudication } from './leadLines';
import { readiness, type ReadinessRule } from './readiness';
import type { AnnotationState } from './state';
import { HATEFUL, NOT_HATEFUL } from './taxonomy';
import { INTERCHANGE_FORMATS } from './interchange/model';

/** The gold shapes (fghm, full), then the other tools' formats (shared/interchange/). */
export const EXPORT_FORMATS = ['fghm', 'full', ...INTERCHANGE_FORMATS] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  policy: GoldPolicy;
  /** Only items whose set_name is one of these. */
  splits?: string[];
  /** Also items that are not ready yet (shared/readiness.ts); they are left out otherwise. */
  includeIncomplete?: boolean;
  /** Items without a resolved gold are left out unless this is set. */
  includeUnresolved?: boolean;
  /** Data-rights filters: consent, licences, regions. */
  rights?: RightsFilters;
}

export interface ExportCounts {
  items: number;
  exported: number;
  hateful: number;
  notHateful: number;
  unresolvedIncluded: number;
  skipped: { split: number; incomplete: number; unresolved: number; rights: number };
}

export interface FullRecord extends FghmRecord {
  annotators: string[];
  hate_votes: string[];
  notes: string[];
  gold_how: { hate: string; pc: string; attack: string };
  adjudication: Omit<Adjudication, 'v' | 'item'> | null;
  provenance: Provenance | null;
  policy: GoldPolicy;
}

export interface ExportInput {
  items: readonly Item[];
  golds: readonly Gold[];
  state: AnnotationState;
  /** Stable annotator order (roster first): the order of the per-annotator lists. */
  annotatorOrder: readonly string[];
  /** When an item is ready (shared/readiness.ts): incomplete items are left out unless asked. */
  rule: ReadinessRule;
}

export interface ExportResult<T> {
  records: T[];
  /** The exported items, in record order (for the provenance manifest). */
  items: Item[];
  counts: ExportCounts;
}

/** One exported meme, as the selection hands it over: its votes in the stable annotator order. */
export interface Selected {
  item: Item;
  gold: Gold;
  votes: Vote[];
  adjudication: Adjudication | undefined;
  /** The stable order of annotators (lower first), as `votes` are sorted. */
  rank: (annotator: string) => number;
}

export interface Selection {
  items: Item[];
  counts: ExportCounts;
  rank: (annotator: string) => number;
}

/**
 * The selection rule of every export: which memes go out (split, readiness, resolved gold, data
 * rights) and the counts of those left out and why; `emit` is called with each exported meme, in
 * item order.
 */
export function selectExport(
  input: ExportInput,
  opts: ExportOptions,
  emit: (s: Selected) => void,
): Selection {
  const steps = selectExportSteps(input, opts, emit, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `selectExport` in steps: pauses after every `every` memes looked at, yielding how many, so a
 * long export can let other work run in between.
 */
export function* selectExportSteps(
  input: ExportInput,
  opts: ExportOptions,
  emit: (s: Selected) => void,
  every: number,
): Generator<number, Selection> {
  const { items, golds, state } = input;
  const orderOf = new Map(input.annotatorOrder.map((a, i) => [a, i]));
  const rank = (a: string): number => orderOf.get(a) ?? Number.MAX_SAFE_INTEGER;
  const splits = opts.splits && opts.splits.length ? new Set(opts.splits) : null;
  const counts: ExportCounts = {
    items: items.length,
    exported: 0,
    hateful: 0,
    notHateful: 0,
    unresolvedIncluded: 0,
    skipped: { split: 0, incomplete: 0, unresolved: 0, rights: 0 },
  };
  const exported: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) yield i;
    const item = items[i];
    const gold = golds[i];
    if (splits && !splits.has(item.set_name ?? '')) {
      counts.skipped.split++;
      continue;
    }
    const votes = state.votes(item.id);
    if (!opts.includeIncomplete && readiness(state, item, input.rule, votes) === null) {
      counts.skipped.incomplete++;
      continue;
    }
    if (!gold.resolved && !opts.includeUnresolved) {
      counts.skipped.unresolved++;
      continue;
    }
    if (opts.rights && rightsReason(item.provenance, opts.rights)) {
      counts.skipped.rights++;
      continue;
    }
    if (!gold.resolved) counts.unresolvedIncluded++;
    if (gold.hate === HATEFUL) counts.hateful++;
    else if (gold.hate === NOT_HATEFUL) counts.notHateful++;
    counts.exported++;
    exported.push(item);
    if (votes.length > 1) votes.sort((a, b) => rank(a.annotator) - rank(b.annotator));
    emit({ item, gold, votes, adjudication: state.adjudication(item.id), rank });
  }
  return { items: exported, counts, rank };
}

/** The record of the full shape: the FGHM record with who voted what, notes and how gold came. */
export function fullRecord(state: AnnotationState, s: Selected, policy: GoldPolicy): FullRecord {
  const { item, gold, votes, adjudication: adj, rank } = s;
  const lines = state.lines(item.id).filter((l) => l.hate !== null);
  lines.sort((a, b) => rank(a.annotator) - rank(b.annotator));
  return {
    ...toFghm(item, votes, gold),
    annotators: votes.map((v) => v.annotator),
    hate_votes: votes.map((v) => v.hate),
    notes: lines.map((l) => l.note),
    gold_how: { hate: gold.hateHow, pc: gold.pc.how, attack: gold.attack.how },
    adjudication: adj
      ? { lead: adj.lead, hate: adj.hate, pc: adj.pc, attack: adj.attack, at: adj.at, note: adj.note }
      : null,
    provenance: item.provenance ?? null,
    policy,
  };
}

export function selectAndMap(input: ExportInput, opts: ExportOptions): ExportResult<FghmRecord | FullRecord> {
  const records: (FghmRecord | FullRecord)[] = [];
  const { items, counts } = selectExport(input, opts, (s) =>
    records.push(
      opts.format === 'fghm' ? toFghm(s.item, s.votes, s.gold) : fullRecord(input.state, s, opts.policy),
    ),
  );
  return { records, items, counts };
}
