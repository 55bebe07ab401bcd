// The lines of adjudications.jsonl, which only the lead writes: decisions (and their undo) and
// closures of items decided on fewer votes than the target. Checked with the same field rules as
// the annotation lines (records.ts).
import { ANNOTATOR_ID_RULE, isAnnotatorId } from './ids';
import { checkCommon, fail, isHate, isObject, stringList, type Check, type ItemId } from './records';
import { NOT_HATEFUL, type Hate } from './taxonomy';

export interface Adjudication {
  v: 1;
  item: ItemId;
  lead: string;
  hate: Hate;
  pc: string[];
  attack: string[];
  at: string;
  note: string;
  /** Retracts the lead's previous decision for the item. */
  undo?: true;
  /** The lead had labeled this item as an annotator, and decided it knowing that. */
  own_vote?: true;
}

/**
 * A lead closing an item early (fewer votes than the target, but enough to decide on) or
 * reopening it (`close: false`). Lives in adjudications.jsonl beside the decisions.
 */
export interface Closure {
  v: 1;
  item: ItemId;
  lead: string;
  close: boolean;
  at: string;
  note: string;
}

/** A line of adjudications.jsonl: a decision (or its undo), or a closure. */
export type LeadLine = Adjudication | Closure;

export function isClosure(l: LeadLine): l is Closure {
  return 'close' in l;
}

function checkAdjudication(raw: unknown): Check<Adjudication> {
  if (!isObject(raw)) return fail('expected a JSON object');
  const common = checkCommon(raw);
  if (common) return fail(common);
  if (!isAnnotatorId(raw.lead)) return fail(`field "lead": expected an annotator id (${ANNOTATOR_ID_RULE})`);
  if (raw.undo === true)
    return {
      ok: true,
      value: {
        v: 1,
        item: raw.item as ItemId,
        lead: raw.lead,
        hate: NOT_HATEFUL,
        pc: [],
        attack: [],
        at: raw.at as string,
        note: '',
        undo: true,
      },
    };
  if (!isHate(raw.hate)) return fail('field "hate": expected "hateful" or "not_hateful"');
  if (!stringList(raw.pc)) return fail('field "pc": expected a list of label strings');
  if (!stringList(raw.attack)) return fail('field "attack": expected a list of label strings');
  const note = raw.note ?? '';
  if (typeof note !== 'string') return fail('field "note": expected a string');
  if (raw.own_vote !== undefined && raw.own_vote !== true)
    return fail('field "own_vote": expected true or absent');
  const value: Adjudication = {
    v: 1,
    item: raw.item as ItemId,
    lead: raw.lead,
    hate: raw.hate,
    pc: raw.pc,
    attack: raw.attack,
    at: raw.at as string,
    note,
  };
  if (raw.own_vote === true) value.own_vote = true;
  return { ok: true, value };
}

/** A line of adjudications.jsonl: a closure when it has "close", a decision otherwise. */
export function checkLeadLine(raw: unknown): Check<LeadLine> {
  if (!isObject(raw) || !('close' in raw)) return checkAdjudication(raw);
  const common = checkCommon(raw);
  if (common) return fail(common);
  if (!isAnnotatorId(raw.lead)) return fail(`field "lead": expected an annotator id (${ANNOTATOR_ID_RULE})`);
  if (typeof raw.close !== 'boolean') return fail('field "close": expected true or false');
  const note = raw.note ?? '';
  if (typeof note !== 'string') return fail('field "note": expected a string');
  return {
    ok: true,
    value: { v: 1, item: raw.item as ItemId, lead: raw.lead, close: raw.close, at: raw.at as string, note },
  };
}
