// The timing of the label screen's work around the frames that show memes: the latency record
// the benchmark reads, images loaded ahead, and the saves that wait for the frame showing the
// next meme (and for idle time) before they go out, one after another.
import type { RefObject } from 'react';
import { api } from '../api';

declare global {
  interface Window {
    /** Keypress-to-painted latencies of moving to the next meme (ms), read by the e2e benchmark. */
    __mjLatency?: number[];
  }
}

/** Records the time from `startedAt` to the frame that shows the new meme. */
export function recordLatency(startedAt: number): void {
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

export function preloadImage(url: string): void {
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
export function afterPaint(): Promise<void> {
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
export function afterWrites(): Promise<unknown> {
  const pending = writing.get(api());
  if (pending === undefined) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise((r) => (timer = setTimeout(r, 2000)));
  return Promise.race([pending, cap]).finally(() => clearTimeout(timer));
}

/** Runs backend mutations one after another, so an undo never overtakes its save. */
export function runSerial<T>(chain: RefObject<Promise<unknown>>, fn: () => Promise<T>): Promise<T> {
  const run = chain.current.then(fn, fn);
  chain.current = run.catch(() => undefined);
  writing.set(api(), Promise.all([writing.get(api()), chain.current]));
  return run;
}
