// The fine-grained hateful memes (FGHM) taxonomy. Order here is display order; the gold fallback
// uses the separate priority lists below, which come from the released gold rule.

export const TAXONOMY_VERSION = 'fghm-2021';

export const HATEFUL = 'hateful';
export const NOT_HATEFUL = 'not_hateful';
export type Hate = typeof HATEFUL | typeof NOT_HATEFUL;
export const HATE_LABELS = [HATEFUL, NOT_HATEFUL] as const;

const PC_EMPTY = 'pc_empty';
const ATTACK_EMPTY = 'attack_empty';

export const PC_LABELS = ['race', 'disability', 'religion', 'nationality', 'sex'] as const;
export const ATTACK_LABELS = [
  'contempt',
  'mocking',
  'inferiority',
  'slurs',
  'exclusion',
  'dehumanizing',
  'inciting_violence',
] as const;

export type Task = 'pc' | 'attack';
export const TASKS: readonly Task[] = ['pc', 'attack'];

export const TASK_LABELS: Record<Task, readonly string[]> = {
  pc: PC_LABELS,
  attack: ATTACK_LABELS,
};

export const TASK_EMPTY: Record<Task, string> = { pc: PC_EMPTY, attack: ATTACK_EMPTY };

/** Fallback priority of the `fghm` gold policy (DESIGN.md, "Gold policy fghm"). */
export const TASK_PRIORITY: Record<Task, readonly string[]> = {
  pc: ['race', 'religion', 'nationality', 'sex', 'disability'],
  attack: ['dehumanizing', 'inferiority', 'mocking', 'inciting_violence', 'contempt', 'slurs', 'exclusion'],
};

export const TASK_TITLE: Record<Task | 'hate', string> = {
  hate: 'Hateful?',
  pc: 'Protected categories',
  attack: 'Attack types',
};

export function isKnownLabel(task: Task, label: string): boolean {
  return TASK_LABELS[task].includes(label);
}

export function labelTitle(label: string): string {
  return label.replace(/_/g, ' ');
}

/** Default keys of the label chips: digits for categories, the top letter row for attacks. */
export const LABEL_KEYS: Record<Task, Record<string, string>> = {
  pc: Object.fromEntries(PC_LABELS.map((l, i) => [l, String(i + 1)])),
  attack: Object.fromEntries(ATTACK_LABELS.map((l, i) => [l, 'qwertyu'[i]])),
};
