// The labeling session: the queue snapshot, the current meme, the draft answer, saving and
// undo. The next meme comes from a local cache filled ahead of time, so moving on never waits
// for the disk: the save goes out in the background and the "saved" mark follows the fsync.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemView, MyLabel, QueueList, SaveResult } from '../../../shared/api';
import type { QueueFilter } from '../../../shared/queue';
import type { ItemId, SkipReason } from '../../../shared/records';
import { api, mediaUrl, messageOf, onEvent } from '../api';
import { useQuery } from '../data/useQuery';
import { afterPaint, afterWrites, preloadImage, recordLatency, runSerial } from './pacing';
import {
  describeLabel,
  draftOf,
  draftOfSuggestion,
  emptyDraft,
  labelsOf,
  type Draft,
  type SaveStatus,
} from '../model';

interface View {
  pos: number;
  current: ItemView | null;
  draft: Draft;
  /** The item at `pos` is being fetched (a cache miss). */
  loading: boolean;
}

const PREFETCH = 12;
const PRELOAD_IMAGES = 8;

const keyOf = (id: ItemId): string => String(id);

export interface SessionOptions {
  /** Called once the backend has saved a line (fsynced), with what was saved. */
  onSaved?: (item: ItemView, draft: Draft, result: SaveResult, skip?: SkipReason) => void;
  /** The project pre-selects the model's suggestion: a meme I have not answered starts with it. */
  preselect?: boolean;
}

export function useLabelSession(filter: QueueFilter, options: SessionOptions = {}) {
  const onSavedRef = useRef(options.onSaved);
  useEffect(() => {
    onSavedRef.current = options.onSaved;
  }, [options.onSaved]);
  const preselectRef = useRef(!!options.preselect);
  useEffect(() => {
    preselectRef.current = !!options.preselect;
  }, [options.preselect]);
  const [ids, setIds] = useState<ItemId[] | null>(null);
  const [view, setViewState] = useState<View>({ pos: 0, current: null, draft: emptyDraft(), loading: true });
  // The view as the last key left it. Keys can arrive faster than React renders: each one must
  // act on the meme and draft the previous key produced, not on the last rendered ones.
  const viewRef = useRef(view);
  const setView = useCallback((next: View | ((v: View) => View)) => {
    viewRef.current = typeof next === 'function' ? next(viewRef.current) : next;
    setViewState(viewRef.current);
  }, []);
  // Bumped by every move: a fetch that resolves after a later move must not show its meme.
  const moveSeq = useRef(0);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  /** The memes whose saves failed since the last save that worked (a stopped server fails several). */
  const unsaved = useRef<ItemId[]>([]);
  // Labels synced in from other annotators change the counts (not this session's queue).
  const progressQuery = useQuery('progress:get', undefined, { refreshOn: ['project:changed'] });
  const { setData: setProgress, refresh: refreshProgress } = progressQuery;
  const [error, setError] = useState<string | null>(null);
  const [undoable, setUndoable] = useState(0);
  const cache = useRef(new Map<string, ItemView>());
  const shownAt = useRef(0);
  const saved = useRef<ItemId[]>([]);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const idsRef = useRef<ItemId[]>([]);

  /**
   * Fetches the memes ahead of `from` into the cache, a window at a time (one request every
   * PREFETCH moves, not one per move), and starts loading the next images.
   */
  const prefetch = useCallback(async (from: number): Promise<void> => {
    const list = idsRef.current;
    const cached = (id: ItemId): boolean => cache.current.has(keyOf(id));
    const ahead = list.slice(from, from + PREFETCH);
    if (ahead.some((id) => !cached(id))) {
      const missing = list.slice(from, from + 2 * PREFETCH).filter((id) => !cached(id));
      for (const v of await api().item.get({ ids: missing })) cache.current.set(keyOf(v.id), v);
    }
    for (const next of ahead.slice(1, PRELOAD_IMAGES + 1)) {
      const v = cache.current.get(keyOf(next));
      if (v && !v.missing) preloadImage(mediaUrl(v.img));
    }
  }, []);

  /** Moves to `pos`: at once from the cache, after one fetch otherwise. */
  const goTo = useCallback(
    (pos: number, startedAt?: number) => {
      const list = idsRef.current;
      const target = Math.max(0, Math.min(pos, list.length));
      const seq = ++moveSeq.current;
      const show = (current: ItemView | null): void => {
        if (seq !== moveSeq.current) return;
        shownAt.current = performance.now();
        const draft =
          !current?.mine && preselectRef.current && current?.suggestion
            ? draftOfSuggestion(current.suggestion)
            : draftOf(current?.mine ?? null);
        setView({ pos: target, current, draft, loading: false });
        if (current && startedAt !== undefined) recordLatency(startedAt);
      };
      if (target >= list.length) return show(null);
      const hit = cache.current.get(keyOf(list[target]));
      if (hit) {
        show(hit);
        // What lies ahead is fetched once the meme is on screen: a request started now would
        // delay the frame that shows it.
        afterPaint()
          .then(() => prefetch(target))
          .catch((e: unknown) => setError(messageOf(e)));
        return;
      }
      setView({ pos: target, current: null, draft: emptyDraft(), loading: true });
      prefetch(target)
        .then(() => show(cache.current.get(keyOf(list[target])) ?? null))
        .catch((e: unknown) => setError(messageOf(e)));
    },
    [prefetch, setView],
  );

  /**
   * The position a forward move from `pos` lands on. In To do, memes answered since the queue was
   * taken (this session's saves, held in the cache) are passed over: after a jump back to a
   * skipped meme, Save & next must not walk into answers already given, where fast keys would
   * overwrite them.
   */
  const forwardFrom = useCallback(
    (pos: number): number => {
      const list = idsRef.current;
      let k = pos + 1;
      if (filter === 'todo')
        while (k < list.length && (cache.current.get(keyOf(list[k]))?.mine ?? null) !== null) k++;
      return k;
    },
    [filter],
  );

  /** Where the next queue should open: a meme asked for by id (a jump), or the start. */
  const openAt = useRef<ItemId | null>(null);
  const applyQueue = useCallback(
    (q: QueueList) => {
      cache.current.clear();
      idsRef.current = q.ids;
      setIds(q.ids);
      setProgress((p) => (p ? { ...p, counts: q.counts } : p));
      setError(null);
      const want = openAt.current;
      openAt.current = null;
      const at = want === null ? -1 : q.ids.findIndex((x) => keyOf(x) === keyOf(want));
      goTo(Math.max(0, at));
    },
    [goTo, setProgress],
  );

  const reload = useCallback(async () => {
    applyQueue(await api().queue.list({ filter }));
    refreshProgress();
  }, [filter, applyQueue, refreshProgress]);

  // The queue is a snapshot taken when the session starts (or the filter changes): labels synced
  // in later do not reshuffle the memes under the annotator's hands. It drives navigation and the
  // cache, so it is loaded here rather than through useQuery.
  useEffect(() => {
    let live = true;
    afterWrites()
      .then(() => api().queue.list({ filter }))
      .then((q) => live && applyQueue(q))
      .catch((e: unknown) => setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [filter, applyQueue]);
  // The counts too, once what an earlier screen was still saving has arrived.
  useEffect(() => {
    let live = true;
    void afterWrites().then(() => live && refreshProgress());
    return () => {
      live = false;
    };
  }, [refreshProgress]);

  // A forgotten meme must leave the queue and the cache at once; a lead's new rules (roster,
  // assignment, known memes, qualification) make a new queue.
  useEffect(
    () =>
      onEvent('project:changed', (e) => {
        if (e.reason === 'forget' || e.reason === 'roles' || e.reason === 'rules')
          reload().catch((err: unknown) => setError(messageOf(err)));
      }),
    [reload],
  );

  const setDraft = useCallback(
    (fn: (d: Draft) => Draft) => setView((v) => ({ ...v, draft: fn(v.draft) })),
    [setView],
  );

  const save = useCallback(
    (d: Draft, opts: { skip?: SkipReason; startedAt?: number; suggestionShown?: boolean } = {}) => {
      const { current: item, pos } = viewRef.current;
      if (!item) return;
      const payload = {
        item: item.id,
        ...labelsOf(d),
        ms: Math.round(performance.now() - shownAt.current),
        note: d.note,
        flag: d.flag,
        ...(opts.skip ? { skip: opts.skip } : {}),
        ...(opts.suggestionShown ? { suggestionShown: true } : {}),
      };
      const mine: MyLabel = {
        hate: payload.hate,
        pc: payload.pc,
        attack: payload.attack,
        note: d.note,
        flag: d.flag,
        at: '',
      };
      if (opts.skip) mine.skip = opts.skip;
      // Optimistic: the cache holds the new label and the next meme shows before the fsync.
      cache.current.set(keyOf(item.id), { ...item, mine });
      saved.current.push(item.id);
      setUndoable(saved.current.length);
      pending.current++;
      setStatus({ state: 'saving', pending: pending.current });
      goTo(forwardFrom(pos), opts.startedAt ?? performance.now());
      // The request goes out once the next meme is painted: its cost is not the annotator's wait.
      runSerial(chain, () => afterPaint().then(() => api().annotation.save(payload)))
        .then((r) => {
          pending.current--;
          unsaved.current = [];
          setProgress(r.progress);
          setError(null);
          onSavedRef.current?.(item, d, r, opts.skip);
          setStatus(
            pending.current > 0
              ? { state: 'saving', pending: pending.current }
              : { state: 'saved', item: r.item, at: r.at },
          );
        })
        .catch((e: unknown) => {
          pending.current--;
          saved.current = saved.current.filter((x) => x !== item.id);
          setUndoable(saved.current.length);
          cache.current.set(keyOf(item.id), item);
          unsaved.current = [...unsaved.current.filter((x) => keyOf(x) !== keyOf(item.id)), item.id];
          setStatus({ state: 'error', items: unsaved.current, message: messageOf(e) });
        });
    },
    [goTo, forwardFrom, setProgress],
  );

  /** Takes back the newest save of this session, after any save still in flight. */
  const undo = useCallback(async () => {
    const id = saved.current.pop();
    setUndoable(saved.current.length);
    if (id === undefined) return;
    // What is taken back, read before the undo replaces it: the status says it in words.
    const undone = describeLabel(cache.current.get(keyOf(id))?.mine ?? null);
    const r = await runSerial(chain, () => api().annotation.undo({ item: id }));
    const cached = cache.current.get(keyOf(id));
    if (cached) cache.current.set(keyOf(id), { ...cached, mine: r.mine });
    setProgress(r.progress);
    setStatus({ state: 'undone', item: id, what: undone });
    setError(null);
    const at = idsRef.current.findIndex((x) => keyOf(x) === keyOf(id));
    if (at >= 0) goTo(at);
  }, [goTo, setProgress]);

  /**
   * Shows the meme `id`: at once when it is in this queue; otherwise false, and the caller
   * switches to a queue that holds it (the next queue loaded opens at it).
   */
  const jumpTo = useCallback(
    (id: ItemId): boolean => {
      const at = idsRef.current.findIndex((x) => keyOf(x) === keyOf(id));
      if (at >= 0) {
        goTo(at);
        return true;
      }
      openAt.current = id;
      return false;
    },
    [goTo],
  );

  return {
    ids,
    pos: view.pos,
    current: view.current,
    loading: view.loading,
    draft: view.draft,
    setDraft,
    status,
    progress: progressQuery.data,
    error: error ?? progressQuery.error,
    setError,
    save,
    undo,
    canUndo: undoable > 0,
    /** The meme and draft the last key left, before React has rendered them. */
    now: () => viewRef.current,
    next: (startedAt?: number) => goTo(forwardFrom(viewRef.current.pos), startedAt ?? performance.now()),
    back: () => goTo(viewRef.current.pos - 1),
    jumpTo,
    reload,
  };
}

export type LabelSession = ReturnType<typeof useLabelSession>;
