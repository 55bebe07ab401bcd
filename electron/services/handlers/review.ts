// The lead's review: the queue of ready items the policy cannot settle alone, one item's votes
// side by side with the gold and why, closing items early, and the lead's decisions
// (adjudications.jsonl). Reading is for the project's leads; writing needs lead mode.
import type { ReviewItem, ReviewVote } from '../../../shared/api';
import { computeGold } from '../../../shared/gold';
import { normalizeLabels } from '../../../shared/labels';
import { readiness } from '../../../shared/readiness';
import type { ItemId } from '../../../shared/records';
import { madeUnderOlder } from '../../../shared/guidelines';
import { explainGold, reviewQueue } from '../../../shared/review';
import { NOT_HATEFUL } from '../../../shared/taxonomy';
import {
  currentAnnotator,
  leadName,
  requireLead,
  requireLeadRole,
  requireProject,
  type Context,
} from '../context';
import { UserError } from '../errors';
import { olderVotes } from '../guidelineVersions';
import { itemView } from './labeling';
import type { DomainHandlers } from './types';

type ReviewChannels =
  'review:list' | 'review:item' | 'review:close' | 'adjudication:save' | 'adjudication:undo';

function reviewItem(ctx: Context, id: ItemId): ReviewItem {
  const p = requireProject(ctx);
  const item = p.item(id);
  if (!item) throw new UserError(`no item ${id} in this project`);
  const order = p.stableOrder();
  const lines = p.state
    .lines(item.id)
    .sort((x, y) => order.indexOf(x.annotator) - order.indexOf(y.annotator));
  const current = p.guidelines.current.version;
  const votes: ReviewVote[] = lines.map((l) => ({
    annotator: l.annotator,
    hate: l.hate,
    pc: [...l.pc],
    attack: [...l.attack],
    note: l.note,
    flag: l.flag,
    ms: l.ms,
    at: l.at,
    gv: l.gv ?? null,
    gvCurrent: l.gv !== undefined && !madeUnderOlder(l.gv, current),
  }));
  const policy = p.policy();
  const policyGold = computeGold(p.state.votes(item.id), policy, item.ref_hate);
  const adj = p.state.adjudication(item.id);
  const closure = p.state.closure(item.id);
  const me = currentAnnotator(ctx);
  return {
    item: itemView(ctx, item.id),
    readiness: readiness(p.state, item, p.readinessRule()),
    closed: closure ? { lead: closure.lead, at: closure.at, note: closure.note } : null,
    ownVote: me !== null && votes.some((v) => v.annotator === me && v.hate !== null),
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
          ownVote: adj.own_vote === true,
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
  const decided = (): void => ctx.emit('project:changed', { reason: 'adjudication', annotators: [] });
  return {
    'review:list': async ({ filter }) => {
      requireLeadRole(ctx, 'review');
      const p = requireProject(ctx);
      const golds = p.golds();
      const rule = p.readinessRule();
      const guidelines = p.guidelines.current.version;
      const rows = reviewQueue(p.items, p.state, golds, rule, filter, guidelines).map((e) => ({
        id: p.items[e.index].id,
        reasons: e.reasons,
        disagreement: e.disagreement,
        votes: e.votes,
        decided: e.decided,
      }));
      // Accepted automatically: ready by votes (or closed early), not decided, and not queued.
      const queued = new Set(reviewQueue(p.items, p.state, golds, rule).map((e) => e.index));
      let labeled = 0;
      let ready = 0;
      let autoAccepted = 0;
      p.items.forEach((it, i) => {
        if (p.state.votes(it.id).length === 0) return;
        labeled++;
        const r = readiness(p.state, it, rule);
        if (r !== null) ready++;
        if ((r === 'votes' || r === 'closed') && !queued.has(i)) autoAccepted++;
      });
      const { older } = await olderVotes(p);
      return { rows, labeled, ready, autoAccepted, olderGuidelines: older };
    },
    'review:item': async ({ id }) => {
      requireLeadRole(ctx, 'review');
      return reviewItem(ctx, id);
    },
    'review:close': async ({ item, close, note }) => {
      requireLead(ctx, 'close memes early');
      const it = itemOf(item);
      const p = requireProject(ctx);
      if (close && p.state.votes(it.id).length === 0)
        throw new UserError(`meme ${String(it.id)} has no votes yet: there is nothing to decide from`);
      await p.appendAdjudication({
        v: 1,
        item: it.id,
        lead: leadName(ctx),
        close,
        at: new Date().toISOString(),
        note,
      });
      ctx.invalidate();
      decided();
      return reviewItem(ctx, it.id);
    },
    'adjudication:save': async ({ item, hate, pc, attack, note, ownVote }) => {
      requireLead(ctx, 'review and decide');
      const it = itemOf(item);
      const mine = reviewItem(ctx, it.id).ownVote;
      if (mine && !ownVote)
        throw new UserError(
          `you labeled meme ${String(it.id)} as an annotator: confirm that you decide it anyway (the decision is marked)`,
        );
      await requireProject(ctx).appendAdjudication({
        v: 1,
        item: it.id,
        lead: leadName(ctx),
        ...normalizeLabels(hate, pc, attack),
        at: new Date().toISOString(),
        note,
        ...(mine ? { own_vote: true as const } : {}),
      });
      decided();
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
      decided();
      return reviewItem(ctx, it.id);
    },
  };
}
