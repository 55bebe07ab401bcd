// The lead's review queue: items the gold policy cannot settle on its own, or that an annotator
// flagged, most disputed first. Only items that are ready (shared/readiness.ts: the target number
// of votes, or closed early by the lead) are reviewed or accepted automatically; unanimous ready
// items are accepted and never queued (unless flagged: a flag is an explicit request to the
// lead). A reported broken image is queued at once, ready or not: only the lead can fix it.
import { masiDistance } from './agreement/masi';
import { labelCounts, type Gold, type GoldPolicy, type Vote } from './gold';
import { madeUnderOlder } from './guidelines';
import type { AnnotationEvent, Item } from './records';
import { readiness, type ReadinessRule } from './readiness';
import type { AnnotationState } from './state';
import { HATEFUL, TASKS, type Task } from './taxonomy';

export type ReviewReason =
  | 'hate_tie'
  | 'pc_no_majority'
  | 'attack_no_majority'
  | 'flagged'
  | 'disagreement'
  | 'broken'
  | 'incomplete'
  | 'older_guidelines';

export interface ReviewFilter {
  /** Also queue items with any disagreement at all, not only those the policy cannot settle. */
  anyDisagreement?: boolean;
  /** Only items whose problem is in this task. */
  task?: 'hate' | Task;
  /** Only items where some annotator chose this label. */
  label?: string;
  /** Only items this annotator labeled. */
  annotator?: string;
  /** Include items a lead already decided (to revisit decisions). */
  decided?: boolean;
  /** Only items still waiting for votes (some, fewer than the target): to close them early. */
  incomplete?: boolean;
  /** Only items with a vote made under guidelines older than the current version (ready or not). */
  olderGuidelines?: boolean;
}

export interface ReviewEntry {
  index: number;
  reasons: ReviewReason[];
  /** 0 (all agree) … 1 (no two annotators agree on anything). */
  disagreement: number;
  votes: number;
  decided: boolean;
}

function maskOf(list: readonly string[], index: Map<string, number>): number {
  let m = 0;
  for (const l of list) {
    let i = index.get(l);
    if (i === undefined) {
      i = index.size;
      index.set(l, i);
    }
    if (i < 30) m |= 1 << i;
  }
  return m;
}

/**
 * Mean pairwise distance between annotators' answers: 1 when they differ on hate; otherwise
 * the mean of the MASI distances of their category and attack sets.
 */
export function disagreement(votes: readonly Vote[]): number {
  if (votes.length < 2) return 0;
  const index = new Map<string, number>();
  const masks = votes.map((v) => [maskOf(v.pc, index), maskOf(v.attack, index)]);
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < votes.length; a++) {
    for (let b = a + 1; b < votes.length; b++) {
      pairs++;
      if (votes[a].hate !== votes[b].hate) sum += 1;
      else if (votes[a].hate === HATEFUL)
        sum += (masiDistance(masks[a][0], masks[b][0]) + masiDistance(masks[a][1], masks[b][1])) / 2;
    }
  }
  return sum / pairs;
}

function reviewReasons(
  gold: Gold,
  lines: readonly AnnotationEvent[],
  votes: readonly Vote[],
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (gold.hateHow === 'tie') reasons.push('hate_tie');
  // Category and attack questions matter once the item is hateful; a hate tie comes first.
  if (gold.hate === HATEFUL) {
    for (const task of TASKS) {
      const how = gold[task].how;
      if (how === 'fallback' || how === 'no_majority') reasons.push(`${task}_no_majority`);
    }
  }
  if (lines.some((l) => l.flag)) reasons.push('flagged');
  if (votes.length >= 2 && disagreement(votes) > 0) reasons.push('disagreement');
  return reasons;
}

const TASK_REASONS: Record<'hate' | Task, ReviewReason> = {
  hate: 'hate_tie',
  pc: 'pc_no_majority',
  attack: 'attack_no_majority',
};

export function reviewQueue(
  items: readonly Item[],
  state: AnnotationState,
  golds: readonly Gold[],
  rule: ReadinessRule,
  filter: ReviewFilter = {},
  /** The current guidelines version (for `filter.olderGuidelines`). */
  guidelines = '',
): ReviewEntry[] {
  const out: ReviewEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    const id = items[i].id;
    const lines = state.lines(id);
    if (lines.length === 0) continue;
    // Known-answer items test the annotators; their gold is fixed, there is nothing to review.
    if (state.known(id)) continue;
    const decided = state.adjudication(id) !== undefined;
    if (decided && !filter.decided) continue;
    const votes = state.votes(id);
    const ready = readiness(state, items[i], rule) !== null;
    const broken = lines.some((l) => l.skip === 'broken');
    if (filter.olderGuidelines) {
      if (!lines.some((l) => l.hate !== null && madeUnderOlder(l.gv, guidelines))) continue;
      const reasons: ReviewReason[] = ready ? reviewReasons(golds[i], lines, votes) : [];
      reasons.unshift('older_guidelines');
      out.push({ index: i, reasons, disagreement: disagreement(votes), votes: votes.length, decided });
      continue;
    }
    if (filter.incomplete) {
      if (ready || votes.length === 0) continue;
      out.push({
        index: i,
        reasons: ['incomplete'],
        disagreement: disagreement(votes),
        votes: votes.length,
        decided,
      });
      continue;
    }
    if (!ready && !broken) continue;
    const reasons = ready ? reviewReasons(golds[i], lines, votes) : [];
    if (broken) reasons.unshift('broken');
    const needs = reasons.some((r) => r !== 'disagreement') || (filter.anyDisagreement && reasons.length > 0);
    if (!needs && !(decided && filter.decided)) continue;
    if (filter.task && !reasons.includes(TASK_REASONS[filter.task])) {
      // A task filter keeps items whose problem is in that task, or whose votes differ in it.
      const differs =
        filter.task === 'hate'
          ? new Set(votes.map((v) => v.hate)).size > 1
          : new Set(
              votes.filter((v) => v.hate === HATEFUL).map((v) => [...v[filter.task as Task]].sort().join()),
            ).size > 1;
      if (!differs) continue;
    }
    if (filter.label && !votes.some((v) => v.pc.includes(filter.label!) || v.attack.includes(filter.label!)))
      continue;
    if (filter.annotator && !lines.some((l) => l.annotator === filter.annotator)) continue;
    out.push({ index: i, reasons, disagreement: disagreement(votes), votes: votes.length, decided });
  }
  out.sort(
    (a, b) => b.disagreement - a.disagreement || b.reasons.length - a.reasons.length || a.index - b.index,
  );
  return out;
}

export interface GoldExplanation {
  hate: string;
  pc: string[];
  attack: string[];
}

/** Why the policy gives its gold, in the lead's words: "race: 2 of 3", "fallback: priority". */
export function explainGold(gold: Gold, votes: readonly Vote[], policy: GoldPolicy): GoldExplanation {
  const n = votes.length;
  const hate =
    gold.hateHow === 'adjudicated'
      ? 'decided by a lead'
      : gold.hateHow === 'tie'
        ? `tie: ${gold.hateful} hateful, ${n - gold.hateful} not hateful`
        : gold.hateHow === 'reference'
          ? 'no votes: imported reference gold'
          : gold.hateHow === 'no_votes'
            ? 'no votes yet'
            : `${gold.hate === HATEFUL ? gold.hateful : n - gold.hateful} of ${n} say ${gold.hate === HATEFUL ? 'hateful' : 'not hateful'}`;
  const task = (t: Task): string[] => {
    const g = gold[t];
    const counts = labelCounts(votes, t).map(([l, c]) => `${l}: ${c} of ${n}`);
    if (g.how === 'adjudicated') return ['decided by a lead'];
    if (g.how === 'not_hateful') return ['not hateful: no labels'];
    if (g.how === 'empty') return ['nobody chose a label'];
    if (g.how === 'fallback')
      return [...counts, `fallback: no label reaches 2 votes, priority picks ${g.labels[0]}`];
    if (g.how === 'no_majority')
      return [...counts, `no label has more than half of ${n} votes (${policy}): lead decides`];
    return counts;
  };
  return { hate, pc: task('pc'), attack: task('attack') };
}
