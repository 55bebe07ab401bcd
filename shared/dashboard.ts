// Figures for the agreement dashboard beyond the coefficients: label distributions, progress over
// time, and the usual interpretation bands.
import { computeAgreement, flattenAgreement, type AgreementReport, type FlatStats } from './agreement';
import { buildLabelMatrix } from './agreement/matrix';
import type { Gold, GoldPolicy } from './gold';
import type { Item } from './records';
import type { AnnotationState } from './state';
import { HATEFUL, NOT_HATEFUL } from './taxonomy';

export interface Band {
  label: string;
  /** 0 (worst) … 4 (best), for the colour scale. */
  level: 0 | 1 | 2 | 3 | 4;
}

/** Landis & Koch (1977) bands for kappa-type coefficients. */
export function kappaBand(x: number | null): Band | null {
  if (x === null) return null;
  if (x < 0.21) return { label: x < 0 ? 'poor' : 'slight', level: 0 };
  if (x < 0.41) return { label: 'fair', level: 1 };
  if (x < 0.61) return { label: 'moderate', level: 2 };
  if (x < 0.81) return { label: 'substantial', level: 3 };
  return { label: 'almost perfect', level: 4 };
}

/** Krippendorff (2004): rely on α ≥ .800, tentative conclusions from .667. */
export function alphaBand(x: number | null): Band | null {
  if (x === null) return null;
  if (x >= 0.8) return { label: 'reliable', level: 4 };
  if (x >= 0.667) return { label: 'tentative', level: 2 };
  return { label: 'unreliable', level: 0 };
}

export interface Distribution {
  /** Label → count over every annotator's current labels. */
  team: Record<string, number>;
  /** Annotator → label → count. */
  byAnnotator: Record<string, Record<string, number>>;
}

export interface TimelinePoint {
  day: string;
  labels: number;
  cumulative: number;
}

export interface Dashboard {
  policy: GoldPolicy;
  report: AgreementReport;
  flat: FlatStats;
  distribution: Distribution;
  timeline: TimelinePoint[];
  gold: { hateful: number; notHateful: number; unresolved: number; unlabeled: number; adjudicated: number };
}

function labelDistribution(report: AgreementReport): Distribution {
  const team: Record<string, number> = {};
  const byAnnotator: Record<string, Record<string, number>> = {};
  for (const a of report.per_annotator) {
    byAnnotator[a.id] = a.label_counts;
    for (const [l, n] of Object.entries(a.label_counts)) team[l] = (team[l] ?? 0) + n;
  }
  return { team, byAnnotator };
}

/** Labels made per day (by the time of each annotator's current line), with a running total. */
function timeline(state: AnnotationState): TimelinePoint[] {
  const perDay = new Map<string, number>();
  for (const [, slots] of state.entries())
    for (const s of slots) {
      if (!s || s.ev.hate === null) continue;
      const day = s.ev.at.slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  let cumulative = 0;
  return [...perDay.keys()].sort().map((day) => {
    const labels = perDay.get(day) as number;
    cumulative += labels;
    return { day, labels, cumulative };
  });
}

export function buildDashboard(
  state: AnnotationState,
  items: readonly Item[],
  golds: readonly Gold[],
  policy: GoldPolicy,
  fullOverlap: number,
): Dashboard {
  const report = computeAgreement(buildLabelMatrix(state, items, golds, policy), fullOverlap);
  const gold = { hateful: 0, notHateful: 0, unresolved: 0, unlabeled: 0, adjudicated: 0 };
  for (const g of golds) {
    if (g.hateHow === 'adjudicated') gold.adjudicated++;
    if (g.hateHow === 'no_votes') gold.unlabeled++;
    else if (!g.resolved) gold.unresolved++;
    else if (g.hate === HATEFUL) gold.hateful++;
    else if (g.hate === NOT_HATEFUL) gold.notHateful++;
  }
  return {
    policy,
    report,
    flat: flattenAgreement(report),
    distribution: labelDistribution(report),
    timeline: timeline(state),
    gold,
  };
}
