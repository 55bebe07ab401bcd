// The labeling session: the queue snapshot, the current meme, the draft answer, saving and
// undo. The next meme comes from a local cache filled ahead of time, so moving on never waits
// for the disk: the save goes out in the background and the "saved" mark follows the fsync.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ItemView, MyLabel, QueueList, SaveResult } from '../../../shared/api';
import type { QueueFilter } from '../../../shared/queue';
import type { ItemId, SkipReason } from '../../../shared/records';
import { api, mediaUrl, messageOf, onEvent } from '../api';
import { useQuery } from '../data/useQuery';
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

declare global {
  interface Window {
    /** Keypress-to-painted latencies of moving to the next meme (ms), read by the e2e benchmark. */
    __mjLatency?: number[];
  }
}

/** Records the time from `startedAt` to the frame that shows the new meme. */
function recordLatency(startedAt: number): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      (window.__mjLatency ??= []).push(performance.now() - startedAt);
    }, 0),
  );
}

/**
 * Images loaded ahead, held so the page keeps them (media are served no-store, so an image no
 * element holds any more may be fetched again when its meme is shown); the oldest are let go.
 */
const preloaded = new Map<string, HTMLImageElement>();
const PRELOAD_HELD = 16;

function preloadImage(url: string): void {
  if (preloaded.has(url)) return;
  const img = new Image();
  img.src = url;
  // Decoded ahead too, so showing it costs no decode in the frame.
  // (Where decode is not there, as in a test's DOM, the image still loads.)
  Promise.resolve()
    .then(() => img.decode())
    .catch(() => undefined);
  preloaded.set(url, img);
  if (preloaded.size > PRELOAD_HELD) preloaded.delete(preloaded.keys().next().value as string);
}

/** The longest a save or fetch waits for the page to be idle after its frame (ms). */
const IDLE_WAIT = 100;

/** Saves waiting for their frame or for idle time: released at once when the page goes away. */
const waiting = new Set<() => void>();
const releaseAll = (): void => {
  for (const go of [...waiting]) go();
};
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', releaseAll);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') releaseAll();
  });
}

/**
 * Resolves once the frame showing the next meme is painted and the page is idle (or after 50 ms
 * in a hidden page, which paints no frames; the idle wait is at most IDLE_WAIT), so a save's
 * request and its answer cost neither this meme nor the next keypress anything (issue 11). A
 * page being closed or hidden releases every wait at once: no save waits for a frame that will
 * never come. A label screen opened meanwhile waits for these saves (`afterWrites`).
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const go = (): void => {
      if (!waiting.delete(go)) return;
      clearTimeout(fallback);
      resolve();
    };
    waiting.add(go);
    const idle = (): void => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: IDLE_WAIT });
      else go();
    };
    const fallback = setTimeout(idle, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        idle();
      }, 0),
    );
  });
}

/**
 * The saves and undos still on their way to a backend, from any label screen of this page: one
 * opened while they are (the annotator went to My figures and straight back) takes its queue and
 * counts after them, or it would count and offer the meme just saved as not done.
 */
const writing = new WeakMap<object, Promise<unknown>>();

/** The writes to this backend, or 2 s at most: a save that never answers must not keep a new screen empty. */
const afterWrites = (): Promise<unknown> =>
  Promise.race([writing.get(api()) ?? Promise.resolve(), new Promise((r) => setTimeout(r, 2000))]);

/** Runs backend mutations one after another, so an undo never overtakes its save. */
function runSerial<T>(chain: RefObject<Promise<unknown>>, fn: () => Promise<T>): Promise<T> {
  const run = chain.current.then(fn, fn);
  chain.current = run.catch(() => undefined);
  writing.set(api(), Promise.all([writing.get(api()), chain.current]));
  return run;
}

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
          setStatus({ state: 'error', item: item.id, message: messageOf(e) });
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
