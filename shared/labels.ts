// The one rule for what a set of labels may hold, applied wherever labels are made: the label
// screen's draft, an annotator's save, a lead's decision and an imported annotator slot.
import { HATEFUL, type Hate } from './taxonomy';

export interface LabelSet {
  hate: Hate | null;
  pc: readonly string[];
  attack: readonly string[];
}

/**
 * Categories and attacks exist only for a hateful answer: anything else clears them. A label
 * chosen twice counts once, in the order first chosen.
 */
export function normalizeLabels<T extends Hate | null>(
  hate: T,
  pc: readonly string[],
  attack: readonly string[],
): { hate: T; pc: string[]; attack: string[] } {
  const hateful = hate === HATEFUL;
  return { hate, pc: hateful ? [...new Set(pc)] : [], attack: hateful ? [...new Set(attack)] : [] };
}
