// Gold export: which items go out, and in which shape. Gold is always recomputed from the
// annotators' labels and the lead's decisions, never copied from an imported file.
import { toFghm, type FghmRecord } from './fghm';
import type { Gold, GoldPolicy } from './gold';
import { rightsReason, type RightsFilters } from './governance';
import type { Adjudication, Item, Provenance } from './records';
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

export function selectAndMap(input: ExportInput, opts: ExportOptions): ExportResult<FghmRecord | FullRecord> {
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
  const records: (FghmRecord | FullRecord)[] = [];
  const exported: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const gold = golds[i];
    if (splits && !splits.has(item.set_name ?? '')) {
      counts.skipped.split++;
      continue;
    }
    const adj = state.adjudication(item.id);
    const votes = state.votes(item.id).sort((a, b) => rank(a.annotator) - rank(b.annotator));
    if (!opts.includeIncomplete && readiness(state, item, input.rule) === null) {
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
    const rec = toFghm(item, votes, gold);
    if (opts.format === 'fghm') {
      records.push(rec);
      continue;
    }
    const lines = state.lines(item.id).filter((l) => l.hate !== null);
    lines.sort((a, b) => rank(a.annotator) - rank(b.annotator));
    const full: FullRecord = {
      ...rec,
      annotators: votes.map((v) => v.annotator),
      hate_votes: votes.map((v) => v.hate),
      notes: lines.map((l) => l.note),
      gold_how: { hate: gold.hateHow, pc: gold.pc.how, attack: gold.attack.how },
      adjudication: adj
        ? { lead: adj.lead, hate: adj.hate, pc: adj.pc, attack: adj.attack, at: adj.at, note: adj.note }
        : null,
      provenance: item.provenance ?? null,
      policy: opts.policy,
    };
    records.push(full);
  }
  return { records, items: exported, counts };
}
