// The one rule for what a set of labels may hold, applied wherever labels are made: the label
// screen's draft, an annotator's save, a lead's decision and an imported annotator slot.
import { HATEFUL, type Hate } from './taxonomy';

/**
 * Categories and attacks exist only for a hateful answer: anything else clears them. A label
 * chosen twice counts once, in the order first chosen, except for imported lists
 * (`keepRepeats`), which are kept exactly as the file has them so an export gives them back.
 */
export function normalizeLabels<T extends Hate | null>(
  hate: T,
  pc: readonly string[],
  attack: readonly string[],
  opts: { keepRepeats?: boolean } = {},
): { hate: T; pc: string[]; attack: string[] } {
  if (hate !== HATEFUL) return { hate, pc: [], attack: [] };
  const list = (l: readonly string[]): string[] => (opts.keepRepeats ? [...l] : [...new Set(l)]);
  return { hate, pc: list(pc), attack: list(attack) };
}
