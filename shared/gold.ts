// Gold labels from annotators' votes. The `fghm` policy reproduces the released FGHM gold exactly
// (DESIGN.md, "Gold policy fghm"); `strict` needs a true majority and sends the rest to a lead.
import { HATEFUL, NOT_HATEFUL, TASK_EMPTY, TASK_PRIORITY, type Hate, type Task } from './taxonomy';

export const GOLD_POLICIES = ['fghm', 'strict'] as const;
export type GoldPolicy = (typeof GOLD_POLICIES)[number];

export interface Vote {
  annotator: string;
  hate: Hate;
  pc: readonly string[];
  attack: readonly string[];
}

export interface Decision {
  hate: Hate;
  pc: readonly string[];
  attack: readonly string[];
}

export type TaskHow =
  | 'majority' // labels reaching the policy's threshold
  | 'fallback' // fghm: none reached 2, highest-priority label chosen
  | 'empty' // nobody chose a label
  | 'no_majority' // strict: labels chosen but none by a majority: unresolved
  | 'not_hateful'
  | 'adjudicated';

export interface TaskGold {
  readonly labels: readonly string[];
  readonly resolved: boolean;
  readonly how: TaskHow;
}

export type HateHow = 'majority' | 'tie' | 'reference' | 'no_votes' | 'adjudicated';

export interface Gold {
  /** null while unresolved (tie, or no votes and no reference). */
  hate: Hate | null;
  hateHow: HateHow;
  hateful: number;
  voters: number;
  pc: TaskGold;
  attack: TaskGold;
  resolved: boolean;
}

// Gold is computed for every item on every statistic and export, so the common outcomes are
// shared frozen objects and the counting below avoids temporary collections.
const NOT_HATEFUL_GOLD: Record<Task, TaskGold> = {
  pc: Object.freeze({ labels: Object.freeze([TASK_EMPTY.pc]), resolved: true, how: 'not_hateful' }),
  attack: Object.freeze({ labels: Object.freeze([TASK_EMPTY.attack]), resolved: true, how: 'not_hateful' }),
};
const EMPTY_GOLD: Record<Task, TaskGold> = {
  pc: Object.freeze({ labels: Object.freeze([TASK_EMPTY.pc]), resolved: true, how: 'empty' }),
  attack: Object.freeze({ labels: Object.freeze([TASK_EMPTY.attack]), resolved: true, how: 'empty' }),
};

/**
 * Votes per label in order of first appearance over the hateful voters' lists; a label repeated
 * within one list counts once. Shown to leads as "race: 2 of 3".
 */
export function labelCounts(votes: readonly Vote[], task: Task): [label: string, votes: number][] {
  const labels: string[] = [];
  const counts: number[] = [];
  countInto(votes, task, labels, counts);
  return labels.map((l, i) => [l, counts[i]]);
}

function countInto(votes: readonly Vote[], task: Task, labels: string[], counts: number[]): void {
  for (let v = 0; v < votes.length; v++) {
    if (votes[v].hate !== HATEFUL) continue;
    const list = votes[v][task];
    for (let i = 0; i < list.length; i++) {
      const l = list[i];
      let dup = false;
      for (let j = 0; j < i; j++)
        if (list[j] === l) {
          dup = true;
          break;
        }
      if (dup) continue;
      const k = labels.indexOf(l);
      if (k >= 0) counts[k]++;
      else {
        labels.push(l);
        counts.push(1);
      }
    }
  }
}

function byPriority(task: Task, labels: readonly string[]): string {
  const priority = TASK_PRIORITY[task];
  let best = labels[0];
  let bestRank = Infinity;
  for (let i = 0; i < labels.length; i++) {
    const p = priority.indexOf(labels[i]);
    // Labels outside the priority list rank after it, in order of first appearance.
    const rank = p >= 0 ? p : priority.length + i;
    if (rank < bestRank) {
      bestRank = rank;
      best = labels[i];
    }
  }
  return best;
}

// Scratch lists of taskGold: it runs for every hateful item on every statistic and export, and
// keeps nothing of them (the gold it returns is a list of its own).
const scratchLabels: string[] = [];
const scratchCounts: number[] = [];

function taskGold(task: Task, votes: readonly Vote[], policy: GoldPolicy): TaskGold {
  const labels = scratchLabels;
  const counts = scratchCounts;
  // Setting an array's length is a call into the engine: only when there is something to clear.
  if (labels.length !== 0) labels.length = 0;
  if (counts.length !== 0) counts.length = 0;
  countInto(votes, task, labels, counts);
  if (labels.length === 0) return EMPTY_GOLD[task];
  const threshold = policy === 'fghm' ? 2 : Math.floor(votes.length / 2) + 1;
  const gold: string[] = [];
  for (let i = 0; i < labels.length; i++) if (counts[i] >= threshold) gold.push(labels[i]);
  if (gold.length > 0) return { labels: gold, resolved: true, how: 'majority' };
  if (policy === 'strict') return { labels: gold, resolved: false, how: 'no_majority' };
  return { labels: [byPriority(task, labels)], resolved: true, how: 'fallback' };
}

function decided(task: Task, labels: readonly string[]): TaskGold {
  return { labels: labels.length ? [...labels] : [TASK_EMPTY[task]], resolved: true, how: 'adjudicated' };
}

/**
 * Gold for one item. `votes` are the annotators' current labels; `reference` is an imported
 * gold_hate used only when nobody voted; a lead's `decision` overrides everything.
 */
export function computeGold(
  votes: readonly Vote[],
  policy: GoldPolicy,
  reference?: Hate,
  decision?: Decision,
): Gold {
  let hateful = 0;
  for (let i = 0; i < votes.length; i++) if (votes[i].hate === HATEFUL) hateful++;
  const voters = votes.length;

  if (decision) {
    const isHateful = decision.hate === HATEFUL;
    return {
      hate: decision.hate,
      hateHow: 'adjudicated',
      hateful,
      voters,
      pc: isHateful ? decided('pc', decision.pc) : NOT_HATEFUL_GOLD.pc,
      attack: isHateful ? decided('attack', decision.attack) : NOT_HATEFUL_GOLD.attack,
      resolved: true,
    };
  }

  let hate: Hate | null;
  let hateHow: HateHow;
  if (voters === 0) {
    hate = reference ?? null;
    hateHow = reference ? 'reference' : 'no_votes';
  } else if (hateful * 2 > voters) {
    hate = HATEFUL;
    hateHow = 'majority';
  } else if ((voters - hateful) * 2 > voters) {
    hate = NOT_HATEFUL;
    hateHow = 'majority';
  } else {
    hate = null;
    hateHow = 'tie';
  }

  if (hate === NOT_HATEFUL)
    return sharedGold(hate, hateHow, hateful, voters, NOT_HATEFUL_GOLD.pc, NOT_HATEFUL_GOLD.attack);
  // While hate is unresolved the task gold is still computed, as a suggestion for the lead.
  return sharedGold(
    hate,
    hateHow,
    hateful,
    voters,
    taskGold('pc', votes, policy),
    taskGold('attack', votes, policy),
  );
}

// A project of 100k memes has 100k golds but only a few distinct ones (the same counts, the same
// labels): each is made once and shared, frozen, instead of kept 100k times (25 MB for 100k × 3
// votes). Task golds are shared by their labels; a gold by its outcome, counts and task golds.
const taskGolds = new Map<string, TaskGold>();
const golds = new Map<TaskGold, Map<TaskGold, Map<number, Gold>>>();
const HATE_HOWS: readonly HateHow[] = ['majority', 'tie', 'reference', 'no_votes', 'adjudicated'];
const MAX_SHARED = 10_000;

/** Task golds of one label, by how and label: found without making a key string. */
const singleTaskGolds = new Map<TaskHow, Map<string, TaskGold>>();

function sharedTask(t: TaskGold): TaskGold {
  if (Object.isFrozen(t)) return t;
  let byLabel: Map<string, TaskGold> | undefined;
  let key = '';
  let hit: TaskGold | undefined;
  if (t.labels.length === 1) {
    byLabel = singleTaskGolds.get(t.how);
    if (byLabel === undefined) singleTaskGolds.set(t.how, (byLabel = new Map()));
    hit = byLabel.get(t.labels[0]);
  } else {
    key = `${t.how}:${t.labels.join('\u0000')}`;
    hit = taskGolds.get(key);
  }
  if (hit === undefined) {
    hit = Object.freeze({ labels: Object.freeze([...t.labels]), resolved: t.resolved, how: t.how });
    if (byLabel !== undefined) {
      if (byLabel.size < MAX_SHARED) byLabel.set(t.labels[0], hit);
    } else if (taskGolds.size < MAX_SHARED) taskGolds.set(key, hit);
  }
  return hit;
}

function frozenGold(
  hate: Hate | null,
  hateHow: HateHow,
  hateful: number,
  voters: number,
  pc: TaskGold,
  attack: TaskGold,
): Gold {
  return Object.freeze({
    hate,
    hateHow,
    hateful,
    voters,
    pc,
    attack,
    resolved: hate !== null && pc.resolved && attack.resolved,
  });
}

function sharedGold(
  hate: Hate | null,
  hateHow: HateHow,
  hateful: number,
  voters: number,
  pcGold: TaskGold,
  attackGold: TaskGold,
): Gold {
  const pc = sharedTask(pcGold);
  const attack = sharedTask(attackGold);
  // Counts beyond 255 voters are not shared (no project has them; the gold is made as it is).
  if (hateful > 255 || voters > 255) return frozenGold(hate, hateHow, hateful, voters, pc, attack);
  let byAttack = golds.get(pc);
  if (byAttack === undefined) golds.set(pc, (byAttack = new Map()));
  let byOutcome = byAttack.get(attack);
  if (byOutcome === undefined) byAttack.set(attack, (byOutcome = new Map()));
  const key =
    (((hate === null ? 0 : hate === HATEFUL ? 1 : 2) * 8 + HATE_HOWS.indexOf(hateHow)) * 256 + hateful) *
      256 +
    voters;
  let gold = byOutcome.get(key);
  if (gold === undefined) {
    gold = frozenGold(hate, hateHow, hateful, voters, pc, attack);
    if (byOutcome.size < MAX_SHARED) byOutcome.set(key, gold);
  }
  return gold;
}
