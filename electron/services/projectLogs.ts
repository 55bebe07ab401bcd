// The append-only logs of a project (annotations/<annotator>.jsonl, adjudications.jsonl,
// governance.jsonl): read by byte offset so synced lines are picked up without re-reading, and
// written through one fsyncing queue per file. Project builds items, gold and statistics on top.
import { UserError } from './errors';
import { basename, relative, sep } from 'node:path';
import { checkGovernanceEvent, GovernanceState, type GovernanceEvent } from '../../shared/governance';
import type { LineError } from '../../shared/jsonl';
import { formatLineError } from '../../shared/jsonl';
import { checkAnnotationEvent, type AnnotationEvent, type Check, type ItemId } from '../../shared/records';
import { checkLeadLine, type LeadLine } from '../../shared/leadLines';
import { isSlotAnnotator } from '../../shared/fghm';
import { checkKnownLine, type KnownLine } from '../../shared/known';
import { AnnotationState } from '../../shared/state';
import { AppendQueue } from './fsx';
import { annotatorHash, itemHash } from './hashes';
import { annotationLinesBytes, openLog, readLogBytes, readLogFrom } from './logs';
import type { ProjectPaths } from './paths';

export class ProjectError extends UserError {}

export interface OpenOptions {
  /** The annotator this process writes for: only that log is repaired and appended to. */
  annotator?: string;
  /** Whether this process may write adjudications.jsonl and governance.jsonl (lead mode). */
  lead?: boolean;
  /** Make the folder a project first (a no-op for a folder that already is one). */
  create?: boolean;
  onProgress?: (stage: string, done: number) => void;
}

export interface LogPosition {
  end: number;
  lines: number;
}

export abstract class ProjectLogs {
  readonly state = new AnnotationState();
  readonly governance = new GovernanceState();
  errors: LineError[] = [];
  warnings: string[] = [];
  /** Byte positions read so far per log file, for picking up lines appended by sync tools. */
  readonly positions = new Map<string, LogPosition>();
  private readonly writers = new Map<string, AppendQueue>();
  /** The warning about another writer's unfinished last line, by file, until it is finished. */
  private readonly unfinished = new Map<string, string>();

  protected constructor(
    readonly paths: ProjectPaths,
    readonly options: OpenOptions,
  ) {}

  /** Labels or decisions changed: derived data (gold) must be recomputed. */
  protected abstract changed(): void;
  /** Governance changed: forgotten items leave memory, provenance is overlaid. */
  abstract applyGovernance(): void;
  /** Whether the project has this item (labels of others are reported, never dropped). */
  protected abstract hasItem(id: ItemId): boolean;

  /** Per annotator file: lines labeling items the project does not have (count, first one). */
  readonly unknownItems = new Map<string, { count: number; line: number; item: ItemId }>();

  /** Reads a log from where the last read stopped (or whole, repairing a torn tail if ours). */
  private async readLog<T>(
    file: string,
    label: string,
    check: (raw: unknown) => Check<T>,
    onRecord: (value: T, line: number) => void,
    repair: boolean,
    bytes?: Promise<Buffer>,
  ): Promise<void> {
    const pos = this.positions.get(file);
    let chunk;
    if (pos) {
      chunk = await readLogFrom(file, label, check, onRecord, pos.end, pos.lines);
      // The unfinished line said at open has been finished (or followed by more): no longer so.
      const said = this.unfinished.get(file);
      if (said !== undefined && chunk.lines > pos.lines) {
        this.unfinished.delete(file);
        this.warnings = this.warnings.filter((w) => w !== said);
      }
    } else {
      const opened = await openLog(file, label, check, onRecord, repair, bytes);
      if (opened.repaired)
        this.warnings.push(
          `${label}:${opened.repaired.line}: torn last line (${opened.repaired.bytes} bytes) cut off and kept in ${basename(opened.repaired.savedTo)}`,
        );
      else if (opened.tail.trim() !== '') {
        // Another writer's file is never cut: its unfinished line is left as it is, and said so.
        const said = `${label}:${opened.lines + 1}: the last line is unfinished (${Buffer.byteLength(opened.tail)} bytes, no newline) and not counted: a sync may still be bringing it in, or its writer stopped mid-line`;
        this.unfinished.set(file, said);
        this.warnings.push(said);
      }
      chunk = opened;
    }
    this.errors.push(...chunk.errors);
    this.positions.set(file, { end: chunk.end, lines: chunk.lines });
  }

  /** Appends whole lines to one of our logs: fsynced before resolving, positions kept. */
  private async appendLines(file: string, lines: string[]): Promise<void> {
    await this.appendText(file, lines.length === 0 ? '' : lines.join('\n') + '\n', lines.length);
  }

  /** Appends `count` whole lines already joined (each ending in a newline), as appendLines. */
  private async appendText(file: string, text: string | Uint8Array, count: number): Promise<void> {
    if (!this.positions.has(file)) this.positions.set(file, { end: 0, lines: 0 });
    await this.writerFor(file).append(text);
    (this.positions.get(file) as LogPosition).lines += count;
  }

  /**
   * Reads an annotator's log from where the last read stopped and returns the new lines (the
   * initial load passes `collect = false`: it replays whole files and keeps nothing aside, and
   * the file's `bytes` when they were read ahead).
   */
  async readAnnotations(
    annotator: string,
    collect = true,
    bytes?: Promise<Buffer>,
  ): Promise<AnnotationEvent[]> {
    const label = `annotations/${annotator}.jsonl`;
    const fresh: AnnotationEvent[] = [];
    await this.readLog(
      this.paths.annotationFile(annotator),
      label,
      checkAnnotationEvent,
      (ev, line) => {
        if (ev.annotator !== annotator) {
          this.errors.push({
            file: label,
            line,
            message: `field "annotator": "${ev.annotator}" in the file of "${annotator}"`,
          });
          return;
        }
        if (!this.hasItem(ev.item) && !this.isForgottenItem(ev.item)) {
          const u = this.unknownItems.get(label);
          if (u) u.count++;
          else this.unknownItems.set(label, { count: 1, line, item: ev.item });
        }
        this.state.apply(ev);
        if (collect) fresh.push(ev);
      },
      annotator === this.options.annotator,
      bytes,
    );
    return fresh;
  }

  /**
   * Replays every annotator's file, in the state's annotator order. The next file is read from
   * disk while the one before is decoded (one file ahead: 15 MB for 100k lines, not all of them).
   */
  protected async replayAnnotations(): Promise<void> {
    const ids = [...this.state.annotators];
    const bytesOf = (i: number): Promise<Buffer> | undefined =>
      i < ids.length && !this.positions.has(this.paths.annotationFile(ids[i]))
        ? readLogBytes(this.paths.annotationFile(ids[i]))
        : undefined;
    let ahead = bytesOf(0);
    for (let i = 0; i < ids.length; i++) {
      const bytes = ahead;
      ahead = bytesOf(i + 1);
      await this.readAnnotations(ids[i], false, bytes);
    }
  }

  /** Replays an annotator's whole file again (after it was rewritten, e.g. by a forget). */
  async reloadAnnotations(annotator: string): Promise<AnnotationEvent[]> {
    this.state.dropAnnotator(annotator);
    this.positions.delete(this.paths.annotationFile(annotator));
    this.changed();
    return this.readAnnotations(annotator);
  }

  async readAdjudications(): Promise<LeadLine[]> {
    const fresh: LeadLine[] = [];
    await this.readLog(
      this.paths.adjudications,
      'adjudications.jsonl',
      checkLeadLine,
      (line) => {
        this.state.applyLead(line);
        fresh.push(line);
      },
      this.options.lead === true,
    );
    return fresh;
  }

  /** Reads known.jsonl (the lead's known-answer items) from where the last read stopped. */
  async readKnown(): Promise<KnownLine[]> {
    const fresh: KnownLine[] = [];
    await this.readLog(
      this.paths.known,
      'known.jsonl',
      checkKnownLine,
      (line) => {
        this.state.applyKnown(line);
        fresh.push(line);
      },
      this.options.lead === true,
    );
    return fresh;
  }

  async reloadKnown(): Promise<KnownLine[]> {
    this.state.clearKnown();
    this.positions.delete(this.paths.known);
    this.changed();
    return this.readKnown();
  }

  /** Appends known-answer lines (lead only), fsynced, then applies them. */
  async appendKnown(lines: KnownLine[]): Promise<void> {
    if (!this.options.lead) throw new ProjectError('only a lead marks known-answer items');
    const checked = lines.map((l) => {
      const c = checkKnownLine(l);
      if (!c.ok) throw new ProjectError(`known answer for item ${String(l.item)}: ${c.error}`);
      return c.value;
    });
    await this.appendLines(
      this.paths.known,
      checked.map((l) => JSON.stringify(l)),
    );
    for (const l of checked) this.state.applyKnown(l);
    this.changed();
  }

  async reloadAdjudications(): Promise<LeadLine[]> {
    this.state.clearAdjudications();
    this.positions.delete(this.paths.adjudications);
    this.changed();
    return this.readAdjudications();
  }

  /** Reads governance.jsonl from where the last read stopped; returns the new events. */
  async readGovernance(): Promise<GovernanceEvent[]> {
    const fresh: GovernanceEvent[] = [];
    await this.readLog(
      this.paths.governance,
      'governance.jsonl',
      checkGovernanceEvent,
      (ev) => {
        this.governance.apply(ev);
        fresh.push(ev);
      },
      this.options.lead === true,
    );
    return fresh;
  }

  /**
   * Reads governance.jsonl again from its start (it was replaced: rewritten by a forget on
   * another machine and synced in); returns the events that were not known before.
   */
  async reloadGovernance(): Promise<GovernanceEvent[]> {
    const key = (e: GovernanceEvent): string => JSON.stringify(e);
    const g = this.governance;
    const known = new Set<string>([...g.tombstones.map(key), ...[...g.history.values()].flat().map(key)]);
    g.tombstones.length = 0;
    for (const set of [g.itemHashes, g.imgHashes, g.annotatorHashes]) set.clear();
    g.provenance.clear();
    g.history.clear();
    this.positions.delete(this.paths.governance);
    const all = await this.readGovernance();
    return all.filter((e) => !known.has(key(e)));
  }

  isForgottenAnnotator(id: string): boolean {
    return this.governance.annotatorHashes.size > 0 && this.governance.annotatorHashes.has(annotatorHash(id));
  }

  isForgottenItem(id: ItemId): boolean {
    return this.governance.itemHashes.size > 0 && this.governance.itemHashes.has(itemHash(id));
  }

  /** The single writer of one of this project's append-only files. */
  writerFor(file: string): AppendQueue {
    let q = this.writers.get(file);
    if (!q) {
      q = new AppendQueue(file);
      // Our own appends advance the read position, so a watcher never replays them.
      q.onWritten = (size) => {
        const pos = this.positions.get(file) ?? { end: 0, lines: 0 };
        this.positions.set(file, pos);
        pos.end = size;
      };
      q.onReplaced = () =>
        this.warnings.push(
          `${relative(this.paths.meta, file).split(sep).join('/')}: replaced or removed by another program (a sync tool?) while open here; the next lines were written to the file now there`,
        );
      this.writers.set(file, q);
    }
    return q;
  }

  /**
   * Appends annotation lines (fsynced before resolving) and applies them. A process opened for
   * one annotator writes only that annotator's file; the CLI importer writes the slot files.
   */
  async appendAnnotations(
    events: AnnotationEvent[],
    opts: { importedSlots?: boolean; importing?: ReadonlySet<string>; checked?: boolean } = {},
  ): Promise<void> {
    const byAnnotator = new Map<string, AnnotationEvent[]>();
    // Whether the import may write an annotator's file, decided once per annotator.
    const slots = new Map<string, boolean>();
    for (const ev of events) {
      // `checked`: these are checkAnnotationEvent's values already (an import's plan).
      const checked = opts.checked === true ? { ok: true as const, value: ev } : checkAnnotationEvent(ev);
      if (!checked.ok) throw new ProjectError(`annotation for item ${ev.item}: ${checked.error}`);
      // The importer writes the files of a release's annotator slots (fghm-1…), which no person's
      // app writes, from whichever app runs the import, and the files of the annotators of another
      // tool's export whose writer locks it holds (`importing`).
      let slot = slots.get(ev.annotator);
      if (slot === undefined)
        slots.set(
          ev.annotator,
          (slot =
            (opts.importedSlots === true && isSlotAnnotator(ev.annotator)) ||
            opts.importing?.has(ev.annotator) === true),
        );
      if (this.options.annotator !== undefined && ev.annotator !== this.options.annotator && !slot)
        throw new ProjectError(
          `this app writes for "${this.options.annotator}", not "${ev.annotator}": each annotator writes only their own file`,
        );
      // A forgotten annotator (a tombstone in governance.jsonl) is never written again.
      if (this.isForgottenAnnotator(ev.annotator))
        throw new ProjectError(
          `annotator "${ev.annotator}" was forgotten in this project: no label is saved for them`,
        );
      // Nor is a forgotten item labeled again (its tombstone may have arrived mid-session).
      if (this.isForgottenItem(ev.item))
        throw new ProjectError(
          `item ${String(ev.item)} was forgotten in this project: its label is not saved`,
        );
      const list = byAnnotator.get(ev.annotator) ?? [];
      list.push(checked.value);
      byAnnotator.set(ev.annotator, list);
    }
    // Enqueue synchronously so lines land in the order of the calls, even when not awaited.
    const writes = [...byAnnotator].map(async ([annotator, list]) => {
      this.state.addAnnotator(annotator);
      await this.appendText(this.paths.annotationFile(annotator), annotationLinesBytes(list), list.length);
      for (const e of list) this.state.apply(e);
    });
    await Promise.all(writes);
  }

  /** Appends a lead's decision or closure (lead only), fsynced, then applies it. */
  async appendAdjudication(line: LeadLine): Promise<void> {
    if (!this.options.lead) throw new ProjectError('only a lead writes adjudications');
    const checked = checkLeadLine(line);
    if (!checked.ok) throw new ProjectError(`adjudication for item ${line.item}: ${checked.error}`);
    await this.appendLines(this.paths.adjudications, [JSON.stringify(checked.value)]);
    this.state.applyLead(checked.value);
  }

  /** Appends governance events (lead only) in one fsynced write, then applies them. */
  async appendGovernance(events: GovernanceEvent | GovernanceEvent[]): Promise<void> {
    if (!this.options.lead) throw new ProjectError('only a lead writes governance.jsonl');
    const checked = (Array.isArray(events) ? events : [events]).map((ev) => {
      const c = checkGovernanceEvent(ev);
      if (!c.ok) throw new ProjectError(`governance event: ${c.error}`);
      return c.value;
    });
    await this.appendLines(
      this.paths.governance,
      checked.map((ev) => JSON.stringify(ev)),
    );
    for (const ev of checked) this.governance.apply(ev);
    this.applyGovernance();
  }

  problems(): string[] {
    return this.errors.map(formatLineError);
  }

  async close(): Promise<void> {
    for (const q of this.writers.values()) {
      await q.flush();
      await q.close();
    }
  }
}
