// When an item is ready: the one rule for review, automatic acceptance and export. An item waits
// until it has the project's target number of votes, unless a lead decided it, closed it early
// (with at least one vote to decide from), or it came from an imported release as released:
// reference gold, and no votes but those of the release's own annotator slots (a release is
// final, even where it lists fewer annotators than this project's target).
import type { Item } from './records';
import type { Vote } from './gold';
import type { AnnotationState } from './state';

export type Readiness = 'votes' | 'closed' | 'decided' | 'reference' | 'known';

export interface ReadinessRule {
  /** Votes an item needs (the project's targetAnnotators). */
  target: number;
  /** Annotators who are slots of an imported release (roster role "imported"). */
  imported: ReadonlySet<string>;
}

/** Why `item` is ready, or null while it waits for votes. */
export function readiness(
  state: AnnotationState,
  item: Item,
  rule: ReadinessRule,
  /** The item's votes, when the caller has them already. */
  votes?: readonly Vote[],
): Readiness | null {
  if (state.adjudication(item.id)) return 'decided';
  if (state.known(item.id)) return 'known';
  const n = votes ? votes.length : state.voteCount(item.id);
  if (n >= rule.target) return 'votes';
  if (n > 0 && state.closure(item.id)) return 'closed';
  if (item.ref_hate && (votes ?? state.votes(item.id)).every((v) => rule.imported.has(v.annotator)))
    return 'reference';
  return null;
}

/** What an export says of the items it left out as incomplete. */
export const INCOMPLETE_REASON =
  'fewer votes than the project target, not closed early or decided by a lead (export them with --include-incomplete)';
