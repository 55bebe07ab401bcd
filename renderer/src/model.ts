// The renderer's model: the answer being edited (a draft), the state of saving, and the pure
// rules that turn one into another. Hooks and components import these; none of them fetches.
import type { MyLabel, ReviewItem } from '../../shared/api';
import type { Suggestion } from '../../shared/suggestions';
import { normalizeLabels } from '../../shared/labels';
import type { QueueFilter } from '../../shared/queue';
import type { ItemId } from '../../shared/records';
import { HATEFUL, TASK_EMPTY, labelTitle, type Hate, type Task } from '../../shared/taxonomy';

/** The answer being edited for one meme, before it is saved or decided. */
export interface Draft {
  hate: Hate | null;
  pc: string[];
  attack: string[];
  note: string;
  flag: boolean;
}

/** Where the labeling session's saves are: "saved" only once the backend has fsynced the line. */
export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving'; pending: number }
  | { state: 'saved'; item: ItemId; at: string }
  /** An undo came back: which meme, and what was taken back ("hateful: race, mocking"). */
  | { state: 'undone'; item: ItemId; what: string }
  /** Saves that failed since the last one that worked, oldest first: those memes are still to do. */
  | { state: 'error'; items: ItemId[]; message: string };

export const emptyDraft = (): Draft => ({ hate: null, pc: [], attack: [], note: '', flag: false });

/** My earlier label of a meme as the draft to edit (empty when I have not labeled it). */
export function draftOf(mine: MyLabel | null): Draft {
  if (!mine) return emptyDraft();
  return { hate: mine.hate, pc: [...mine.pc], attack: [...mine.attack], note: mine.note, flag: mine.flag };
}

/** A model suggestion as a starting draft (pre-selection, when the project's lead chose it). */
export function draftOfSuggestion(s: Suggestion): Draft {
  return { ...emptyDraft(), ...normalizeLabels(s.hate, s.pc, s.attack) };
}

/** The lead's starting point for a disputed meme: their decision, or else the policy's gold. */
export function draftOfReview(r: ReviewItem): Draft {
  const src = r.decision ?? {
    hate: r.policyGold.hate,
    pc: r.policyGold.pc.labels.filter((l) => l !== TASK_EMPTY.pc),
    attack: r.policyGold.attack.labels.filter((l) => l !== TASK_EMPTY.attack),
    note: '',
  };
  return {
    ...emptyDraft(),
    hate: src.hate ?? null,
    pc: [...src.pc],
    attack: [...src.attack],
    note: src.note,
  };
}

/** The labels a draft stands for: not hateful (or no answer) clears categories and attacks. */
export function labelsOf(d: Draft): { hate: Hate | null; pc: string[]; attack: string[] } {
  return normalizeLabels(d.hate, d.pc, d.attack);
}

/** Answers the hate question; not hateful clears categories and attacks. */
export function withHate(d: Draft, hate: Hate): Draft {
  return { ...d, ...normalizeLabels(hate, d.pc, d.attack) };
}

/** Ticks or unticks a category or attack; choosing one makes the answer hateful. */
export function toggleLabel(d: Draft, task: Task, label: string): Draft {
  const on = d[task].includes(label);
  return { ...d, hate: HATEFUL, [task]: on ? d[task].filter((x) => x !== label) : [...d[task], label] };
}

/** A hateful answer still missing a category or an attack type (asks for a confirmation). */
export function isIncomplete(d: Draft): boolean {
  return d.hate === HATEFUL && (d.pc.length === 0 || d.attack.length === 0);
}

/** The labeling queue's filters as the tabs name them. */
export const QUEUE_FILTER_TITLE: Record<QueueFilter, string> = {
  todo: 'To do',
  done: 'Done',
  flagged: 'Flagged',
  all: 'All',
};

/** A saved label in a few words, for saying what an undo took back. */
export function describeLabel(mine: MyLabel | null): string {
  if (!mine) return 'label';
  if (mine.skip) return `skip (${mine.skip.replace(/_/g, ' ')})`;
  if (mine.hate === null) return mine.flag ? 'flag' : mine.note ? 'note' : 'label';
  if (mine.hate !== HATEFUL) return 'not hateful';
  const labels = [...mine.pc, ...mine.attack].map(labelTitle);
  return labels.length ? `hateful: ${labels.join(', ')}` : 'hateful';
}
