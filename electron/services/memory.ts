// Opening a project parses every line of it: afterwards the heap still holds that burst's garbage
// (file buffers, decoded strings) and a long-running app that then waits for keypresses
// allocates too little for V8 to collect it, so it would keep its peak memory for the whole
// session. One full collection once the burst is over gives that memory back.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full garbage collection now (V8's own `gc`, reached without starting node with a flag). */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

let pending: NodeJS.Timeout | undefined;

/**
 * A full collection after `delayMs` (the first queue and memes are served first); one pending at
 * a time, and it never keeps the process alive.
 */
export function collectGarbageSoon(delayMs = 1500): void {
  clearTimeout(pending);
  pending = setTimeout(collectGarbage, delayMs);
  pending.unref();
}

/**
 * For the long-running backend (the app, browser mode): V8's young generation stays at its first
 * size instead of growing while a project opens. Opening replays every line into objects that all
 * live on, which makes V8 grow the young generation to its maximum (2 × 16 MiB), and it then
 * keeps that memory for the whole session; kept small it costs no time here (a 100k × 3 open is
 * as fast) and the settled server is ~30 MiB smaller. Only the growth factor is read while the
 * process runs; the other heap sizes are fixed at start.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * For a command that reads a project and exits (`memejury stats`, `export`, `import`): V8's young
 * generation grows to its full size in one step instead of doubling several times. What such a
 * command reads lives until it exits, and each smaller young generation on the way is one more
 * collection that copies it all (stats and export of 100k × 3: ~3% faster, same run).
 */
export function growYoungGenerationFast(): void {
  setFlagsFromString('--semi-space-growth-factor=16');
}
