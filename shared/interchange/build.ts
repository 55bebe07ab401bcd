// The memes an interchange export writes: chosen by the same selection as the FGHM export
// (shared/export.ts: splits, readiness, unresolved, data rights), with every vote, the lead's
// decision and the attached prediction of each, in the project's stable annotator order.
import { selectAndMap, type ExportCounts, type ExportInput, type ExportOptions } from '../export';
import type { FghmRecord } from '../fghm';
import { itemKey, type Item, type ItemKey } from '../records';
import type { PredictionRow } from '../scorer';
import type { IxRecord } from './model';

export interface IxSelection {
  records: IxRecord[];
  items: Item[];
  counts: ExportCounts;
}

export function selectInterchange(
  input: ExportInput,
  opts: ExportOptions,
  predictions: ReadonlyMap<ItemKey, PredictionRow>,
): IxSelection {
  // The FGHM shape carries the gold the policy computed for each selected meme.
  const sel = selectAndMap(input, { ...opts, format: 'fghm' });
  const orderOf = new Map(input.annotatorOrder.map((a, i) => [a, i]));
  const rank = (a: string): number => orderOf.get(a) ?? Number.MAX_SAFE_INTEGER;
  const records: IxRecord[] = sel.items.map((item, i) => {
    const rec = sel.records[i] as FghmRecord;
    const lines = input.state
      .lines(item.id)
      .filter((l) => l.hate !== null)
      .sort((a, b) => rank(a.annotator) - rank(b.annotator) || (a.annotator < b.annotator ? -1 : 1));
    const adj = input.state.adjudication(item.id);
    return {
      item,
      gold: { hate: rec.gold_hate, pc: rec.gold_pc, attack: rec.gold_attack },
      votes: lines.map((l) => {
        const v = {
          annotator: l.annotator,
          hate: l.hate!,
          pc: [...l.pc],
          attack: [...l.attack],
          at: l.at,
          ms: l.ms,
          note: l.note,
          flag: l.flag,
        };
        return l.gv !== undefined ? { ...v, gv: l.gv } : v;
      }),
      decision: adj
        ? {
            lead: adj.lead,
            hate: adj.hate,
            pc: [...adj.pc],
            attack: [...adj.attack],
            at: adj.at,
            note: adj.note,
            ...(adj.own_vote ? { own_vote: true as const } : {}),
          }
        : null,
      prediction: predictions.get(itemKey(item.id)) ?? null,
    };
  });
  return { records, items: sel.items, counts: sel.counts };
}
