// Team sync: other annotators' machines append to their own files (through git, Syncthing, a
// shared drive); this picks the new lines up from where the last read stopped. fs.watch gives
// the prompt path; a size poll every second catches what watchers miss (network drives, files
// replaced by rename as sync tools do).
import { watch, type FSWatcher, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tombstone } from '../../shared/governance';
import { annotatorOfFileName } from './paths';
import { configStamp, type LogPosition, type Project } from './project';

/** The up to 64 bytes before `end`, as hex: what a position's offset was read up to. */
async function fingerprint(file: string, end: number): Promise<string> {
  const start = Math.max(0, end - 64);
  const fh = await open(file, 'r').catch(() => null);
  if (!fh) return '';
  try {
    const buf = Buffer.alloc(end - start);
    const { bytesRead } = await fh.read(buf, 0, buf.length, start);
    return buf.subarray(0, bytesRead).toString('hex');
  } finally {
    await fh.close();
  }
}

export interface SyncChange {
  annotators: string[];
  adjudications: boolean;
  /** New tombstones from the lead: this app must purge its own file of them. */
  tombstones: Tombstone[];
  /** Someone's role changed. */
  roles?: boolean;
  /** project.json (roster, rules), known answers or attached predictions changed. */
  rules?: boolean;
  /** A lead saved new guidelines: this app now shows (and stamps labels with) that version. */
  guidelines?: boolean;
  /** Items added to the item lists (by an import elsewhere). */
  items?: number;
  lines: number;
}

export class ProjectWatcher {
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;
  private scheduled: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private closed = false;
  /** predictions.jsonl as last read (inode, size, time); null until the first check. */
  private predictionsStamp: string | null = null;
  /** Per log: the file (inode, size, time) and the bytes before the offset its position holds. */
  private readonly seen = new Map<string, { ino: number; size: number; mtimeMs: number; tail: string }>();
  /** The item lists as last seen (null until the first check). */
  private lists: string | null = null;
  /** The item lists' names, as of the project folder's time then. */
  private listNames: { dirTime: number; names: string[] } = { dirTime: -2, names: [] };

  constructor(
    private readonly project: Project,
    private readonly onChange: (c: SyncChange) => void,
    private readonly pollMs = 1000,
  ) {}

  /** Starts watching; what each log's position refers to is remembered first. */
  async start(): Promise<void> {
    for (const file of this.project.positions.keys()) await this.remember(file);
    this.lists = await this.itemListsSignature();
    if (this.closed) return;
    const { annotations, meta, dir: root } = this.project.paths;
    // The project folder too: item lists an import adds or changes.
    for (const dir of [annotations, meta, root]) {
      try {
        const w = watch(dir, { persistent: false }, () => this.schedule());
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        /* no watcher on this file system: the poll still runs */
      }
    }
    this.timer = setInterval(() => this.schedule(), this.pollMs);
    this.timer.unref();
  }

  /** Coalesces bursts of events into one check. */
  private schedule(): void {
    if (this.closed || this.scheduled) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = null;
      // A folder gone mid-check (a test's, a project removed) must not crash the app.
      void this.check().catch(() => undefined);
    }, 50);
  }

  /**
   * Whether `file` is no longer the file whose first `pos.end` bytes were read: shorter, another
   * file (a sync tool or git wrote a new one and renamed it into place), or different bytes just
   * before the old offset (rewritten in place). Reading on from the old offset would then parse
   * from the middle of some line.
   */
  private async replaced(file: string, st: Stats, pos: LogPosition | undefined): Promise<boolean> {
    if (!pos) return false;
    if (st.size < pos.end) return true;
    const seen = this.seen.get(file);
    if (!seen) return false;
    if (seen.ino !== st.ino) return true;
    if (seen.mtimeMs === st.mtimeMs && seen.size === st.size) return false;
    return (await fingerprint(file, pos.end)) !== seen.tail;
  }

  /** Remembers which file, and which bytes before the read offset, a log's position refers to. */
  private async remember(file: string): Promise<void> {
    const st = await stat(file).catch(() => null);
    const pos = this.project.positions.get(file);
    if (!st || !pos) return void this.seen.delete(file);
    this.seen.set(file, {
      ino: st.ino,
      size: st.size,
      mtimeMs: st.mtimeMs,
      tail: await fingerprint(file, pos.end),
    });
  }

  /**
   * Top-level item lists, by name with their size and time: a change means new items may be
   * there. The folder is listed again only when its own time changed (a file added, removed or
   * renamed into place), so a project folder holding many images costs one stat a second.
   */
  private async itemListsSignature(): Promise<string> {
    const root = this.project.paths.dir;
    const dirTime = (await stat(root).catch(() => null))?.mtimeMs ?? -1;
    if (dirTime !== this.listNames.dirTime) {
      const names = (await readdir(root).catch(() => [] as string[]))
        .filter((n) => /\.(jsonl|json)$/i.test(n) && !n.startsWith('.'))
        .sort();
      this.listNames = { dirTime, names };
    }
    const parts: string[] = [];
    for (const n of this.listNames.names) {
      const st = await stat(join(root, n)).catch(() => null);
      if (st?.isFile()) parts.push(`${n}:${st.size}:${st.mtimeMs}:${st.ino}`);
    }
    return parts.join('|');
  }

  /** Reads whatever was appended to any log since the last read. */
  async check(): Promise<SyncChange | null> {
    if (this.running) {
      this.again = true;
      return null;
    }
    this.running = true;
    try {
      const change: SyncChange = { annotators: [], adjudications: false, tombstones: [], lines: 0 };
      const p = this.project;
      if (this.lists === null) this.lists = await this.itemListsSignature();
      // Governance first: a tombstone makes the lines below irrelevant.
      const gst = await stat(p.paths.governance).catch(() => null);
      const gpos = p.positions.get(p.paths.governance);
      if (gst && (!gpos || gst.size !== gpos.end || (await this.replaced(p.paths.governance, gst, gpos)))) {
        const replaced = await this.replaced(p.paths.governance, gst, gpos);
        const fresh = replaced ? await p.reloadGovernance() : await p.readGovernance();
        await this.remember(p.paths.governance);
        change.tombstones = fresh.filter((e): e is Tombstone => e.type === 'forget');
        if (fresh.some((e) => e.type === 'role')) change.roles = true;
        if (fresh.length > 0 || replaced) p.applyGovernance();
        change.lines += fresh.length;
      }
      // project.json, which a lead rewrites (roles, the roster, queue and suggestion rules): read
      // again whenever it changes, so every app follows the lead's settings without a restart.
      const cstamp = await configStamp(p.paths.config);
      if (cstamp !== '' && cstamp !== p.configStamp) {
        await p.reloadConfig().catch(() => undefined);
        change.rules = true;
      }
      // Items an import (the CLI, another machine) added to the item lists.
      const lists = await this.itemListsSignature();
      if (lists !== this.lists) {
        this.lists = lists;
        const added = await p.addNewItems();
        if (added > 0) change.items = added;
      }
      if (await p.guidelines.refresh()) change.guidelines = true;
      const names = await readdir(p.paths.annotations).catch(() => [] as string[]);
      for (const name of names) {
        const id = annotatorOfFileName(name);
        if (id === null || id === p.options.annotator || p.isForgottenAnnotator(id)) continue;
        const file = join(p.paths.annotations, name);
        const st = await stat(file).catch(() => null);
        if (!st) continue;
        const pos = p.positions.get(file);
        const replaced = await this.replaced(file, st, pos);
        if (pos && !replaced && st.size === pos.end) {
          if (!this.seen.has(file)) await this.remember(file);
          continue;
        }
        // Rewritten (forgotten items purged, a new version synced in): replay it from the start.
        const fresh = replaced ? await p.reloadAnnotations(id) : await p.readAnnotations(id);
        await this.remember(file);
        if (fresh.length > 0 || replaced) {
          change.annotators.push(id);
          change.lines += fresh.length;
        }
      }
      if (!p.options.lead) {
        const file = p.paths.adjudications;
        const st = await stat(file).catch(() => null);
        const pos = p.positions.get(file);
        if (st) {
          const replaced = await this.replaced(file, st, pos);
          if (!pos || replaced || st.size !== pos.end) {
            const fresh = replaced ? await p.reloadAdjudications() : await p.readAdjudications();
            await this.remember(file);
            change.adjudications = fresh.length > 0 || replaced;
            change.lines += fresh.length;
          } else if (!this.seen.has(file)) await this.remember(file);
        }
        // Known-answer memes the lead marked: they change queues and gold.
        const kfile = p.paths.known;
        const kst = await stat(kfile).catch(() => null);
        const kpos = p.positions.get(kfile);
        if (kst) {
          const replaced = await this.replaced(kfile, kst, kpos);
          if (!kpos || replaced || kst.size !== kpos.end) {
            const fresh = replaced ? await p.reloadKnown() : await p.readKnown();
            await this.remember(kfile);
            if (fresh.length > 0 || replaced) change.rules = true;
            change.lines += fresh.length;
          } else if (!this.seen.has(kfile)) await this.remember(kfile);
        }
        // Predictions the lead attached (suggestions, the uncertainty order): replaced whole.
        const pst = await stat(p.paths.predictions).catch(() => null);
        const stamp = pst ? `${pst.ino}:${pst.size}:${pst.mtimeMs}` : '';
        if (this.predictionsStamp !== null && stamp !== this.predictionsStamp) {
          await p.reloadPredictions().catch(() => undefined);
          change.rules = true;
        }
        this.predictionsStamp = stamp;
      }
      if (
        change.annotators.length > 0 ||
        change.adjudications ||
        change.tombstones.length > 0 ||
        change.roles ||
        change.rules ||
        change.guidelines ||
        change.items
      ) {
        this.onChange(change);
        return change;
      }
      return null;
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const w of this.watchers) w.close();
    this.watchers = [];
    if (this.timer) clearInterval(this.timer);
    if (this.scheduled) clearTimeout(this.scheduled);
  }
}
