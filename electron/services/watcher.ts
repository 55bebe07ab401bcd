// Team sync: other annotators' machines append to their own files (through git, Syncthing, a
// shared drive); this picks the new lines up from where the last read stopped. fs.watch gives
// the prompt path; a size poll every second catches what watchers miss (network drives, files
// replaced by rename as sync tools do).
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tombstone } from '../../shared/governance';
import { annotatorOfFileName } from './paths';
import type { Project } from './project';

export interface SyncChange {
  annotators: string[];
  adjudications: boolean;
  /** New tombstones from the lead: this app must purge its own file of them. */
  tombstones: Tombstone[];
  /** Someone's role changed. */
  roles?: boolean;
  lines: number;
}

export class ProjectWatcher {
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;
  private scheduled: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private closed = false;

  constructor(
    private readonly project: Project,
    private readonly onChange: (c: SyncChange) => void,
    private readonly pollMs = 1000,
  ) {}

  start(): void {
    const { annotations, meta } = this.project.paths;
    for (const dir of [annotations, meta]) {
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
      void this.check();
    }, 50);
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
      // Governance first: a tombstone makes the lines below irrelevant.
      const gsize = await stat(p.paths.governance).then(
        (s) => s.size,
        () => -1,
      );
      const gpos = p.positions.get(p.paths.governance);
      if (gsize >= 0 && (!gpos || gsize > gpos.end)) {
        const fresh = await p.readGovernance();
        change.tombstones = fresh.filter((e): e is Tombstone => e.type === 'forget');
        // A role changed: project.json, which the lead rewrote with it, says who leads now.
        if (fresh.some((e) => e.type === 'role')) {
          await p.reloadConfig().catch(() => undefined);
          change.roles = true;
        }
        if (fresh.length > 0) p.applyGovernance();
        change.lines += fresh.length;
      }
      const names = await readdir(p.paths.annotations).catch(() => [] as string[]);
      for (const name of names) {
        const id = annotatorOfFileName(name);
        if (id === null || id === p.options.annotator || p.isForgottenAnnotator(id)) continue;
        const file = join(p.paths.annotations, name);
        const size = await stat(file).then(
          (s) => s.size,
          () => -1,
        );
        const pos = p.positions.get(file);
        if (size < 0 || (pos && size === pos.end)) continue;
        // A file shorter than what was read was rewritten (an item was forgotten): replay it.
        const fresh = pos && size < pos.end ? await p.reloadAnnotations(id) : await p.readAnnotations(id);
        if (fresh.length > 0 || (pos && size < pos.end)) {
          change.annotators.push(id);
          change.lines += fresh.length;
        }
      }
      if (!p.options.lead) {
        const size = await stat(p.paths.adjudications).then(
          (s) => s.size,
          () => -1,
        );
        const pos = p.positions.get(p.paths.adjudications);
        if (size >= 0 && (!pos || size !== pos.end)) {
          const fresh = pos && size < pos.end ? await p.reloadAdjudications() : await p.readAdjudications();
          change.adjudications = fresh.length > 0 || (!!pos && size < pos.end);
          change.lines += fresh.length;
        }
      }
      if (
        change.annotators.length > 0 ||
        change.adjudications ||
        change.tombstones.length > 0 ||
        change.roles
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
