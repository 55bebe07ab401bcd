// Electron's save targets: a native dialog in main picks a path; the renderer gets an opaque
// handle for it and passes that back to write. A handle is random, used once, for one purpose,
// and expires, so the page can never name a path of its own choosing.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { PathError } from './confine';

export type TargetPurpose = 'export' | 'report';

const TTL_MS = 15 * 60 * 1000;
const MAX_OPEN = 16;

interface Entry {
  path: string;
  purpose: TargetPurpose;
  issued: number;
}

export interface SaveTarget {
  handle: string;
  /** What the user chose, for display: the file name. */
  label: string;
}

export class SaveTargets {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(path: string, purpose: TargetPurpose): SaveTarget {
    this.expire();
    while (this.entries.size >= MAX_OPEN) this.entries.delete(this.entries.keys().next().value as string);
    const handle = randomBytes(18).toString('base64url');
    this.entries.set(handle, { path, purpose, issued: this.now() });
    return { handle, label: basename(path) };
  }

  /** The path behind a handle, which is used up; refuses unknown, expired or misused handles. */
  take(handle: string, purpose: TargetPurpose): string {
    this.expire();
    const e = this.entries.get(handle);
    if (!e || e.purpose !== purpose)
      throw new PathError('this save target is unknown or was used already: choose where to save again');
    this.entries.delete(handle);
    return e.path;
  }

  private expire(): void {
    const cutoff = this.now() - TTL_MS;
    for (const [h, e] of this.entries) if (e.issued < cutoff) this.entries.delete(h);
  }
}
