// Labeling channels: the shared queue order, this annotator's queue and counts, item views
// (blind: only this annotator's own label), saving and undo. Counts are cached and updated per
// saved item, so a save costs O(1) however large the project.
import type { ItemView, KnownFeedback, MyLabel, Progress } from '../../../shared/api';
import { scoreKnown } from '../../../shared/known';
import { normalizeLabels } from '../../../shared/labels';
import {
  addStatus,
  orderByScore,
  queueOrder,
  searchItems,
  selectQueue,
  statusOf,
  type QueueCounts,
} from '../../../shared/queue';
import { itemKey, type AnnotationEvent, type ItemId } from '../../../shared/records';
import { disagreement } from '../../../shared/review';
import { hateEntropy, suggestionOf, type Suggestion } from '../../../shared/suggestions';
import { currentAnnotator, currentRole, requireAnnotator, requireProject, type Context } from '../context';
import { UserError } from '../errors';
import type { Predictions } from '../predictions';
import type { Project } from '../project';
import type { DomainHandlers } from './types';

type LabelChannels =
  'queue:list' | 'item:get' | 'item:search' | 'annotation:save' | 'annotation:undo' | 'progress:get';

function myLabel(ev: AnnotationEvent | undefined): MyLabel | null {
  if (!ev) return null;
  const out: MyLabel = {
    hate: ev.hate,
    pc: [...ev.pc],
    attack: [...ev.attack],
    note: ev.note,
    flag: ev.flag,
    at: ev.at,
  };
  if (ev.skip) out.skip = ev.skip;
  return out;
}

/** What an item looks like to this app's annotator: never anyone else's label (blind). */
export function itemView(ctx: Context, id: ItemId): ItemView {
  const p = requireProject(ctx);
  const item = p.item(id);
  if (!item) throw new UserError(`no item ${id} in this project`);
  const annotator = currentAnnotator(ctx);
  return {
    id: item.id,
    img: item.img,
    text: item.text,
    set_name: item.set_name ?? null,
    missing: !p.images.has(item.img),
    mine: annotator ? myLabel(p.state.current(annotator, item.id)) : null,
    suggestion: suggestionFor(p, item.id),
  };
}

/** The attached model's suggestion for a meme, when the project shows suggestions. */
function suggestionFor(p: Project, id: ItemId): Suggestion | null {
  if (p.config.suggestions === 'off' || p.predictions.byItem.size === 0) return null;
  const pr = p.predictions.byItem.get(itemKey(id));
  return pr ? suggestionOf(pr) : null;
}

/**
 * During a qualification round (the first `qualification` known-answer memes an annotator
 * answers), how an answer on a known meme compares with its answer; null otherwise, so known
 * memes stay unannounced in the regular queue.
 */
function qualificationFeedback(p: Project, annotator: string, ev: AnnotationEvent): KnownFeedback | null {
  const known = p.state.known(ev.item);
  const n = p.config.qualification;
  if (!known || n === 0 || ev.hate === null) return null;
  let answered = 0;
  for (const key of p.state.knownKeys()) if (p.state.current(annotator, key)?.hate) answered++;
  // This answer is already applied: it is the answered-th; feedback while within the round.
  if (answered > n) return null;
  const s = scoreKnown(ev, known);
  return {
    correct: s.exact,
    hateRight: s.hate,
    missed: s.missed,
    extra: s.extra,
    expected: { hate: known.hate, pc: [...known.pc], attack: [...known.attack] },
    remaining: Math.max(0, Math.min(n, p.state.knownKeys().size) - answered),
  };
}

class Labeling {
  private order: { version: string; predictions: Predictions; order: Int32Array } | null = null;
  private countsCache: {
    project: Project;
    annotator: string;
    version: number;
    counts: QueueCounts;
    annotations: number;
  } | null = null;

  constructor(private readonly ctx: Context) {
    ctx.onInvalidate(() => this.reset());
  }

  /** After items change (import, forget, sync), queue order and counts are recomputed. */
  reset(): void {
    this.order = null;
    this.countsCache = null;
  }

  /**
   * The project's queue order: the shared hash, or most uncertain (the attached model's entropy)
   * or most disputed (disagreement among the votes so far) first. Recomputed when the items, the
   * setting or (for a disputed order) the labels change.
   */
  private queueOrderFor(p: Project): Int32Array {
    const mode = p.config.queueOrder;
    const version = `${p.items.length}|${mode}|${p.predictions.byItem.size}|${mode === 'disputed' ? p.state.version : ''}`;
    if (this.order?.version === version && this.order.predictions === p.predictions) return this.order.order;
    const seed = p.config.queueSeed;
    const order =
      mode === 'uncertain' && p.predictions.byItem.size > 0
        ? orderByScore(p.items, seed, (i) => {
            const pr = p.predictions.byItem.get(itemKey(p.items[i].id));
            return pr ? hateEntropy(pr) : -1;
          })
        : mode === 'disputed'
          ? orderByScore(p.items, seed, (i) => disagreement(p.state.votes(p.items[i].id)))
          : queueOrder(p.items, seed);
    this.order = { version, predictions: p.predictions, order };
    return order;
  }

  progress(): Progress {
    const p = requireProject(this.ctx);
    const annotator = currentAnnotator(this.ctx) ?? '';
    const c = this.countsCache;
    if (c && c.project === p && c.annotator === annotator && c.version === p.state.version)
      return { counts: { ...c.counts }, items: p.items.length, annotations: c.annotations };
    const sel = selectQueue(this.queueOrderFor(p), p.items, p.state, annotator, p.queueRules(), 'todo');
    let annotations = 0;
    p.state.forEachVote(() => annotations++);
    this.countsCache = { project: p, annotator, version: p.state.version, counts: sel.counts, annotations };
    return { counts: { ...sel.counts }, items: p.items.length, annotations };
  }

  /**
   * Applies this app's own change to one item and updates the cached counts by that item's
   * difference alone, so a save costs O(1) instead of a pass over every item.
   */
  private async changeItem(id: ItemId, write: () => Promise<void>): Promise<Progress> {
    const p = requireProject(this.ctx);
    const annotator = currentAnnotator(this.ctx) ?? '';
    const rules = p.queueRules();
    const index = p.index.get(itemKey(id)) as number;
    const votesOf = (): number => p.state.lines(id).filter((l) => l.hate !== null).length;
    const c = this.countsCache;
    const fresh = c && c.project === p && c.annotator === annotator && c.version === p.state.version;
    const before = statusOf(p.items, index, p.state, annotator, rules);
    const votesBefore = votesOf();
    await write();
    // Known-answer items are mixed into the queue by rate: their counts are not a sum over items,
    // so a project with any is counted again (the disputed order also changes with every vote).
    if (fresh && c.version + 1 === p.state.version && rules.known.size === 0) {
      addStatus(c.counts, before, -1);
      addStatus(c.counts, statusOf(p.items, index, p.state, annotator, rules), 1);
      c.annotations += votesOf() - votesBefore;
      c.version = p.state.version;
    }
    return this.progress();
  }

  handlers(): DomainHandlers<LabelChannels> {
    return {
      'queue:list': async ({ filter }) => {
        const p = requireProject(this.ctx);
        const sel = selectQueue(
          this.queueOrderFor(p),
          p.items,
          p.state,
          currentAnnotator(this.ctx) ?? '',
          p.queueRules(),
          filter,
        );
        return { filter, ids: sel.indices.map((i) => p.items[i].id), counts: sel.counts };
      },
      'item:get': async ({ ids }) => ids.map((id) => itemView(this.ctx, id)),
      'item:search': async ({ query, limit, offset }) => {
        const p = requireProject(this.ctx);
        // A lead searches the whole project; an annotator only their own queue (blind: nothing
        // about others' labels is in either).
        const lead = currentRole(this.ctx) === 'lead';
        const indices = lead
          ? Array.from(this.queueOrderFor(p))
          : selectQueue(
              this.queueOrderFor(p),
              p.items,
              p.state,
              currentAnnotator(this.ctx) ?? '',
              p.queueRules(),
              'all',
            ).indices;
        const matches = query.trim() ? searchItems(p.items, indices, query) : Array.from(indices);
        return {
          results: matches
            .slice(offset, offset + limit)
            .map((i) => ({ id: p.items[i].id, text: p.items[i].text, img: p.items[i].img })),
          total: matches.length,
          scope: lead ? 'project' : 'queue',
        };
      },
      'annotation:save': async (args) => {
        const p = requireProject(this.ctx);
        const annotator = requireAnnotator(this.ctx);
        const item = p.item(args.item);
        if (!item) throw new UserError(`no item ${args.item} in this project`);
        // A first vote goes only where it is needed: an item assigned to me that still lacks
        // votes (or a known-answer test). Relabeling my own earlier answer is always allowed.
        if (args.hate !== null && !p.state.current(annotator, item.id)) {
          const st = statusOf(
            p.items,
            p.index.get(itemKey(item.id)) as number,
            p.state,
            annotator,
            p.queueRules(),
          );
          if (!st.todo)
            throw new UserError(
              `meme #${String(item.id)} needs no vote from you: it has the ${p.config.targetAnnotators} votes it needs, was closed by the lead, or is assigned to others`,
            );
        }
        const ev: AnnotationEvent = {
          v: 1,
          item: item.id,
          annotator,
          ...normalizeLabels(args.hate, args.pc, args.attack),
          at: new Date().toISOString(),
          ms: args.ms,
          note: args.note,
          flag: args.flag,
        };
        if (args.skip) ev.skip = args.skip;
        // The guidelines version this app shows (refreshed when a lead saves a new one).
        ev.gv = p.guidelines.current.version;
        // What the model suggested, when it was on screen: agreement with the model can then be
        // told apart from agreement between people.
        const suggestion = suggestionFor(p, item.id);
        if (args.suggestionShown && suggestion && p.config.suggestions !== 'off')
          ev.model = {
            shown: p.config.suggestions,
            hate: suggestion.hate,
            pc: suggestion.pc,
            attack: suggestion.attack,
          };
        const progress = await this.changeItem(ev.item, () => p.appendAnnotations([ev]));
        const feedback = qualificationFeedback(p, annotator, ev);
        return { item: ev.item, at: ev.at, saved: true, progress, feedback };
      },
      'annotation:undo': async ({ item }) => {
        const p = requireProject(this.ctx);
        const annotator = requireAnnotator(this.ctx);
        const it = p.item(item);
        if (!it) throw new UserError(`no item ${item} in this project`);
        let progress = this.progress();
        if (p.state.current(annotator, it.id)) {
          const undo: AnnotationEvent = {
            v: 1,
            item: it.id,
            annotator,
            hate: null,
            pc: [],
            attack: [],
            at: new Date().toISOString(),
            ms: 0,
            note: '',
            flag: false,
            undo: true,
          };
          progress = await this.changeItem(it.id, () => p.appendAnnotations([undo]));
        }
        return { item: it.id, mine: myLabel(p.state.current(annotator, it.id)), progress };
      },
      'progress:get': async () => this.progress(),
    };
  }
}

export function labelingHandlers(ctx: Context): DomainHandlers<LabelChannels> {
  return new Labeling(ctx).handlers();
}
