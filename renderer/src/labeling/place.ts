import type { ItemId } from '../../../shared/records';
import type { QueueCounts, QueueFilter } from '../../../shared/queue';

/** What the position beside the meme reads: its number (null: none) of a total. */
export interface Place {
  n: number | null;
  total: number;
}

/**
 * The position beside the meme, in the Mine counter's terms in To do so that the two agree.
 *
 * To do: the total is Mine's, my memes answered plus still to do (a meme skipped as distressing
 * or reported broken leaves my work, so it leaves both totals at once), and the meme on display
 * is my (answered + 1 + memes of this pass passed over with S before it)-th: Mine's next answer
 * when nothing was skipped. A meme of the pass already answered (gone back to with ←) has no
 * number: Mine counts it among the answered.
 *
 * Done, Flagged, All: the place in that tab's list as taken when the pass began (Mine is not
 * about those lists; the tab's count is).
 */
export function placeOf(p: {
  filter: QueueFilter;
  /** The pass's list and the place in it (0-based). */
  ids: readonly ItemId[];
  pos: number;
  counts: QueueCounts | null;
  /** Memes of this pass that left my to-do since it began (answered, skipped for good). */
  left: ReadonlySet<string>;
  /** The meme on display has an answer of mine. */
  answered: boolean;
}): Place {
  if (p.filter !== 'todo' || !p.counts) return { n: p.pos + 1, total: p.ids.length };
  const total = p.counts.done + p.counts.todo;
  if (p.answered) return { n: null, total };
  let passedOver = 0;
  for (let i = 0; i < p.pos && i < p.ids.length; i++) if (!p.left.has(String(p.ids[i]))) passedOver++;
  return { n: Math.min(total, p.counts.done + 1 + passedOver), total };
}
