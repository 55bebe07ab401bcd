// Labeling channels: the shared queue order, this annotator's queue and counts, item views
// (blind: only this annotator's own label), saving and undo. Counts are cached and updated per
// saved item, so a save costs O(1) however large the project.
import type { ItemView, MyLabel, Progress } from '../../../shared/api';
import { normalizeLabels } from '../../../shared/labels';
import {
  addStatus,
  itemStatus,
  queueOrder,
  searchItems,
  selectQueue,
  type QueueCounts,
} from '../../../shared/queue';
import type { AnnotationEvent, ItemId } from '../../../shared/records';
import { currentAnnotator, currentRole, requireAnnotator, requireProject, type Context } from '../context';
import { UserError } from '../errors';
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
  };
}

class Labeling {
  private order: { version: number; order: Int32Array } | null = null;
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

  private queueOrderFor(p: Project): Int32Array {
    if (!this.order || this.order.version !== p.items.length) {
      this.order = { version: p.items.length, order: queueOrder(p.items, p.config.queueSeed) };
    }
    return this.order.order;
  }

  progress(): Progress {
    const p = requireProject(this.ctx);
    const annotator = currentAnnotator(this.ctx) ?? '';
    const c = this.countsCache;
    if (c && c.project === p && c.annotator === annotator && c.version === p.state.version)
      return { counts: { ...c.counts }, items: p.items.length, annotations: c.annotations };
    const sel = selectQueue(
      this.queueOrderFor(p),
      p.items,
      p.state,
      annotator,
      p.config.targetAnnotators,
      'todo',
    );
    let annotations = 0;
    for (const [, slots] of p.state.entries())
      for (const s of slots) if (s && s.ev.hate !== null) annotations++;
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
    const target = p.config.targetAnnotators;
    const votesOf = (): number => p.state.lines(id).filter((l) => l.hate !== null).length;
    const c = this.countsCache;
    const fresh = c && c.project === p && c.annotator === annotator && c.version === p.state.version;
    const closed = p.state.closure(id) !== undefined;
    const before = itemStatus(p.state.lines(id), annotator, target, closed);
    const votesBefore = votesOf();
    await write();
    if (fresh && c.version + 1 === p.state.version) {
      addStatus(c.counts, before, -1);
      addStatus(c.counts, itemStatus(p.state.lines(id), annotator, target, closed), 1);
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
          p.config.targetAnnotators,
          filter,
        );
        return { filter, ids: sel.indices.map((i) => p.items[i].id), counts: sel.counts };
      },
      'item:get': async ({ ids }) => ids.map((id) => itemView(this.ctx, id)),
      'item:search': async ({ query, limit }) => {
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
              p.config.targetAnnotators,
              'all',
            ).indices;
        const matches = searchItems(p.items, indices, query);
        return {
          results: matches
            .slice(0, limit)
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
        const progress = await this.changeItem(ev.item, () => p.appendAnnotations([ev]));
        return { item: ev.item, at: ev.at, saved: true, progress };
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
