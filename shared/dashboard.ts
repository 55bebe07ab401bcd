// Figures for the agreement dashboard beyond the coefficients: label distributions, progress over
// time, and the usual interpretation bands.
import { computeAgreement, flattenAgreement, type AgreementReport, type FlatStats } from './agreement';
import { buildLabelMatrix } from './agreement/matrix';
import type { Gold, GoldPolicy } from './gold';
import type { Item } from './records';
import type { AnnotationState } from './state';
import { addOwn } from './own';
import { HATEFUL, NOT_HATEFUL, PC_LABELS } from './taxonomy';
import { readiness, type ReadinessRule } from './readiness';

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

/**
 * Figures computed on fewer items than this are shown greyed with the reason, never with a band:
 * on 10 items one disagreement moves a kappa by tenths.
 */
export const MIN_ITEMS = 20;

/** "both annotators" / "all 3 annotators": who rated a fully overlapping item. */
export function raterPhrase(raters: number): string {
  return raters === 2 ? 'both annotators' : `all ${raters} annotators`;
}

/** Why a figure computed on `n` items gets no band, or null when it is enough to judge. */
export function tooFew(n: number): string | null {
  if (n === 0) return 'no memes to compare';
  if (n < MIN_ITEMS) return `only ${n} meme${n === 1 ? '' : 's'} (fewer than ${MIN_ITEMS}): too few to judge`;
  return null;
}

/** The band a figure on `n` items is shown with: none when there are too few items. */
export function bandOn(band: Band | null, n: number): Band | null {
  return tooFew(n) ? null : band;
}

export interface Distribution {
  /** Label → count over every annotator's current labels. */
  team: Record<string, number>;
  /** Annotator → label → count. */
  byAnnotator: Record<string, Record<string, number>>;
}

/** Label shares per annotator, all on one scale so that bars compare across annotators. */
export interface LabelShares {
  /** Labels in chart order: hateful, then the protected categories. */
  labels: string[];
  /** Share of the team's votes with each label (hateful: only over counted hate votes). */
  team: Record<string, number | null>;
  /** Annotator → label → share of their own votes; hateful is null when their hate votes don't count. */
  byAnnotator: Record<string, Record<string, number | null>>;
  /** The one scale of every bar: the largest share any annotator or the team has (at least 0.01). */
  max: number;
}

export interface TimelinePoint {
  day: string;
  labels: number;
  cumulative: number;
}

/** What the labels-over-time chart cannot show by itself (no labels, or a single day). */
export function timelineNote(points: readonly TimelinePoint[]): string | null {
  if (points.length === 0) return 'No labels yet.';
  if (points.length > 1) return null;
  const n = points[0].labels;
  return `All ${n.toLocaleString('en')} label${n === 1 ? ' was' : 's were'} made on one day (${points[0].day}): no trend over time to show yet.`;
}

export interface Dashboard {
  policy: GoldPolicy;
  report: AgreementReport;
  flat: FlatStats;
  distribution: Distribution;
  shares: LabelShares;
  timeline: TimelinePoint[];
  /**
   * Gold by meme. `unresolved` counts, as export does, only memes ready for gold (shared/
   * readiness.ts); a tie on a meme still waiting for votes is `waiting`, not unresolved yet.
   */
  gold: {
    hateful: number;
    notHateful: number;
    unresolved: number;
    waiting: number;
    unlabeled: number;
    adjudicated: number;
  };
}

function labelDistribution(report: AgreementReport): Distribution {
  const team: Record<string, number> = {};
  const byAnnotator: Record<string, Record<string, number>> = {};
  for (const a of report.per_annotator) {
    byAnnotator[a.id] = a.label_counts;
    for (const [l, n] of Object.entries(a.label_counts)) addOwn(team, l, n);
  }
  return { team, byAnnotator };
}

function labelShares(report: AgreementReport): LabelShares {
  const labels = [HATEFUL, ...PC_LABELS];
  const byAnnotator: Record<string, Record<string, number | null>> = {};
  const teamCount: Record<string, number> = {};
  let teamVotes = 0;
  let teamHateVotes = 0;
  let max = 0.01;
  for (const a of report.per_annotator) {
    const row: Record<string, number | null> = {};
    for (const l of labels) {
      const n = a.label_counts[l] ?? 0;
      if (l === HATEFUL && !a.hate_counted) {
        row[l] = null;
        continue;
      }
      const share = n / a.items_done;
      row[l] = share;
      teamCount[l] = (teamCount[l] ?? 0) + n;
      max = Math.max(max, share);
    }
    teamVotes += a.items_done;
    if (a.hate_counted) teamHateVotes += a.items_done;
    byAnnotator[a.id] = row;
  }
  const team: Record<string, number | null> = {};
  for (const l of labels) {
    const total = l === HATEFUL ? teamHateVotes : teamVotes;
    const share = total ? (teamCount[l] ?? 0) / total : null;
    team[l] = share;
    if (share !== null) max = Math.max(max, share);
  }
  return { labels, team, byAnnotator, max };
}

/** Labels made per day (by the time of each annotator's current line), with a running total. */
function timeline(state: AnnotationState): TimelinePoint[] {
  const perDay = new Map<string, number>();
  state.forEachVote((ev) => {
    const day = ev.at.slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  });
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
  rule?: ReadinessRule,
): Dashboard {
  const report = computeAgreement(buildLabelMatrix(state, items, golds, policy), fullOverlap);
  const gold = { hateful: 0, notHateful: 0, unresolved: 0, waiting: 0, unlabeled: 0, adjudicated: 0 };
  for (let i = 0; i < golds.length; i++) {
    const g = golds[i];
    if (g.hateHow === 'adjudicated') gold.adjudicated++;
    if (g.hateHow === 'no_votes') gold.unlabeled++;
    else if (!g.resolved) {
      if (rule && readiness(state, items[i], rule) === null) gold.waiting++;
      else gold.unresolved++;
    } else if (g.hate === HATEFUL) gold.hateful++;
    else if (g.hate === NOT_HATEFUL) gold.notHateful++;
  }
  return {
    policy,
    report,
    flat: flattenAgreement(report),
    distribution: labelDistribution(report),
    shares: labelShares(report),
    timeline: timeline(state),
    gold,
  };
}
