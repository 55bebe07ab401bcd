// The lead's review: the queue of items the policy cannot settle alone, one item's votes side by
// side with the gold and why, and the lead's decisions (adjudications.jsonl, lead only).
import type { ReviewItem, ReviewVote } from '../../../shared/api';
import { computeGold } from '../../../shared/gold';
import { normalizeLabels } from '../../../shared/labels';
import type { ItemId } from '../../../shared/records';
import { explainGold, reviewQueue } from '../../../shared/review';
import { NOT_HATEFUL } from '../../../shared/taxonomy';
import { leadName, requireLead, requireProject, type Context } from '../context';
import { UserError } from '../errors';
import { itemView } from './labeling';
import type { DomainHandlers } from './types';

type ReviewChannels = 'review:list' | 'review:item' | 'adjudication:save' | 'adjudication:undo';

function reviewItem(ctx: Context, id: ItemId): ReviewItem {
  const p = requireProject(ctx);
  const item = p.item(id);
  if (!item) throw new UserError(`no item ${id} in this project`);
  const order = p.stableOrder();
  const lines = p.state
    .lines(item.id)
    .sort((x, y) => order.indexOf(x.annotator) - order.indexOf(y.annotator));
  const votes: ReviewVote[] = lines.map((l) => ({
    annotator: l.annotator,
    hate: l.hate,
    pc: [...l.pc],
    attack: [...l.attack],
    note: l.note,
    flag: l.flag,
    ms: l.ms,
    at: l.at,
  }));
  const policy = p.policy();
  const policyGold = computeGold(p.state.votes(item.id), policy, item.ref_hate);
  const adj = p.state.adjudication(item.id);
  return {
    item: itemView(ctx, item.id),
    votes,
    gold: p.gold(item, policy),
    policyGold,
    explanation: explainGold(policyGold, p.state.votes(item.id), policy),
    decision: adj
      ? {
          lead: adj.lead,
          hate: adj.hate,
          pc: [...adj.pc],
          attack: [...adj.attack],
          note: adj.note,
          at: adj.at,
        }
      : null,
  };
}

export function reviewHandlers(ctx: Context): DomainHandlers<ReviewChannels> {
  const itemOf = (id: ItemId) => {
    const it = requireProject(ctx).item(id);
    if (!it) throw new UserError(`no item ${id} in this project`);
    return it;
  };
  return {
    'review:list': async ({ filter }) => {
      const p = requireProject(ctx);
      const golds = p.golds();
      const rows = reviewQueue(p.items, p.state, golds, filter).map((e) => ({
        id: p.items[e.index].id,
        reasons: e.reasons,
        disagreement: e.disagreement,
        votes: e.votes,
        decided: e.decided,
      }));
      let labeled = 0;
      for (const it of p.items) if (p.state.votes(it.id).length > 0) labeled++;
      const needing = reviewQueue(p.items, p.state, golds, { anyDisagreement: false }).length;
      return { rows, labeled, autoAccepted: labeled - needing - p.state.adjudicationCount() };
    },
    'review:item': async ({ id }) => reviewItem(ctx, id),
    'adjudication:save': async ({ item, hate, pc, attack, note }) => {
      requireLead(ctx, 'review and decide');
      const it = itemOf(item);
      await requireProject(ctx).appendAdjudication({
        v: 1,
        item: it.id,
        lead: leadName(ctx),
        ...normalizeLabels(hate, pc, attack),
        at: new Date().toISOString(),
        note,
      });
      ctx.emit('project:changed', { reason: 'adjudication', annotators: [] });
      return reviewItem(ctx, it.id);
    },
    'adjudication:undo': async ({ item }) => {
      requireLead(ctx, 'review and decide');
      const it = itemOf(item);
      const p = requireProject(ctx);
      if (p.state.adjudication(it.id))
        await p.appendAdjudication({
          v: 1,
          item: it.id,
          lead: leadName(ctx),
          hate: NOT_HATEFUL,
          pc: [],
          attack: [],
          at: new Date().toISOString(),
          note: '',
          undo: true,
        });
      return reviewItem(ctx, it.id);
    },
  };
}
