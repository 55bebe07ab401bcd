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
