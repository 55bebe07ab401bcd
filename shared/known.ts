// Known-answer items: memes whose answer a lead has fixed. They are mixed into every annotator's
// queue unannounced (and first, in a qualification round), never count as votes for gold (their
// gold is the known answer), are left out of agreement and review, and give each annotator an
// accuracy over time. Lines live in .memejury/known.jsonl, written by a lead only.
import { normalizeLabels } from './labels';
import { isAnnotatorId } from './ids';
import { isItemId, type AnnotationEvent, type Check, type ItemId } from './records';
import { HATEFUL, NOT_HATEFUL, type Hate } from './taxonomy';

export interface KnownLine {
  v: 1;
  item: ItemId;
  /** The answer; absent on a line that unmarks the item (`remove: true`). */
  hate: Hate;
  pc: string[];
  attack: string[];
  by: string;
  at: string;
  remove?: true;
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function checkKnownLine(raw: unknown): Check<KnownLine> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('expected a JSON object');
  const r = raw as Record<string, unknown>;
  if (r.v !== 1) return fail('field "v": expected 1');
  if (!isItemId(r.item)) return fail('field "item": expected an item id');
  if (!isAnnotatorId(r.by)) return fail('field "by": expected an annotator id');
  if (typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at)))
    return fail('field "at": expected an ISO time');
  if (r.remove === true)
    return {
      ok: true,
      value: { v: 1, item: r.item, hate: NOT_HATEFUL, pc: [], attack: [], by: r.by, at: r.at, remove: true },
    };
  if (r.hate !== HATEFUL && r.hate !== NOT_HATEFUL)
    return fail('field "hate": expected "hateful" or "not_hateful"');
  for (const f of ['pc', 'attack'] as const)
    if (!Array.isArray(r[f]) || !(r[f] as unknown[]).every((l) => typeof l === 'string' && l !== ''))
      return fail(`field "${f}": expected a list of label strings`);
  const labels = normalizeLabels(r.hate, r.pc as string[], r.attack as string[]);
  return { ok: true, value: { v: 1, item: r.item, ...labels, by: r.by, at: r.at } };
}

export interface KnownScore {
  /** The hate answer matches. */
  hate: boolean;
  /** Hate, categories and attacks all match (as sets). */
  exact: boolean;
  /** Labels the annotator missed, and labels they added, against the known answer. */
  missed: string[];
  extra: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** An annotator's answer against a known one. */
export function scoreKnown(
  answer: Pick<AnnotationEvent, 'hate' | 'pc' | 'attack'>,
  known: KnownLine,
): KnownScore {
  const mine = [...answer.pc, ...answer.attack];
  const right = [...known.pc, ...known.attack];
  if (answer.hate !== known.hate && answer.hate !== null) {
    if (known.hate === HATEFUL) right.unshift(HATEFUL);
    else mine.unshift(HATEFUL);
  }
  return {
    hate: answer.hate === known.hate,
    exact: answer.hate === known.hate && sameSet(answer.pc, known.pc) && sameSet(answer.attack, known.attack),
    missed: right.filter((l) => !mine.includes(l)),
    extra: mine.filter((l) => !right.includes(l)),
  };
}
