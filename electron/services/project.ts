// A project folder opened in memory: items, images, every annotator's labels and the lead's
// decisions. The same object backs the Electron app, the CLI and browser mode.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { computeAgreement, buildLabelMatrix, type AgreementReport } from '../../shared/agreement';
import type { Gold, GoldPolicy } from '../../shared/gold';
import { formatLineError, type LineError } from '../../shared/jsonl';
import { projectConfigSchema, zodMessage, type ProjectConfig, type RosterEntry } from '../../shared/project';
import {
  checkAdjudication,
  checkAnnotationEvent,
  isAnnotatorId,
  itemKey,
  type Adjudication,
  type AnnotationEvent,
  type Item,
  type ItemId,
  type ItemKey,
} from '../../shared/records';
import { AnnotationState, goldForAll, goldOf } from '../../shared/state';
import { checkGovernanceEvent, GovernanceState, type GovernanceEvent } from '../../shared/governance';
import { TAXONOMY_VERSION } from '../../shared/taxonomy';
import { AppendQueue, exists, writeFileAtomic } from './fsx';
import { annotatorHash, itemHash } from './hashes';
import { scanImages } from './images';
import { idFromImagePath, loadItemLists } from './items';
import { openLog, readLogFrom } from './logs';
import { projectPaths, type ProjectPaths } from './paths';

export class ProjectError extends Error {}

export interface InitOptions {
  name?: string;
  goldPolicy?: GoldPolicy;
  targetAnnotators?: number;
}

/** Makes a folder a project. An existing project.json is left as it is. */
export async function initProject(dir: string, opts: InitOptions = {}): Promise<ProjectConfig> {
  const abs = resolve(dir);
  const paths = projectPaths(abs);
  await mkdir(paths.annotations, { recursive: true });
  if (await exists(paths.config)) return readConfig(paths);
  const config = projectConfigSchema.parse({
    version: 1,
    name: opts.name ?? basename(abs),
    taxonomy: TAXONOMY_VERSION,
    goldPolicy: opts.goldPolicy ?? 'fghm',
    targetAnnotators: opts.targetAnnotators ?? 3,
    roster: [],
    created: new Date().toISOString(),
    queueSeed: Math.random().toString(36).slice(2, 10),
  });
  await writeFileAtomic(paths.config, JSON.stringify(config, null, 2) + '\n');
  return config;
}

export async function readConfig(paths: ProjectPaths): Promise<ProjectConfig> {
  let text: string;
  try {
    text = await readFile(paths.config, 'utf8');
  } catch {
    throw new ProjectError(
      `${paths.dir} is not a Meme Jury project (no .memejury/project.json): run "memejury init ${paths.dir}"`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ProjectError(`${paths.config}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = projectConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ProjectError(`${paths.config}: ${zodMessage(parsed.error)}`);
  return parsed.data;
}

export interface OpenOptions {
  /** The annotator this process writes for: only that log is repaired and appended to. */
  annotator?: string;
  /** Whether this process may write adjudications.jsonl (lead mode). */
  lead?: boolean;
  /** Skip the image scan (CLI commands that never show images). */
  scanImages?: boolean;
  onProgress?: (stage: string, done: number) => void;
}

export interface LogPosition {
  end: number;
  lines: number;
}

export class Project {
  readonly paths: ProjectPaths;
  config: ProjectConfig;
  items: Item[] = [];
  readonly index = new Map<ItemKey, number>();
  readonly state = new AnnotationState();
  readonly governance = new GovernanceState();
  images: Set<string> | null = null;
  missingImages: string[] = [];
  errors: LineError[] = [];
  warnings: string[] = [];
  itemListFiles: string[] = [];
  /** Byte positions read so far per log file, for picking up lines appended by sync tools. */
  readonly positions = new Map<string, LogPosition>();
  private readonly writers = new Map<string, AppendQueue>();
  private goldCache: { version: number; policy: GoldPolicy; golds: Gold[] } | null = null;

  private constructor(
    dir: string,
    config: ProjectConfig,
    readonly options: OpenOptions,
  ) {
    this.paths = projectPaths(dir);
    this.config = config;
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<Project> {
    const abs = resolve(dir);
    const config = await readConfig(projectPaths(abs));
    if (options.annotator !== undefined && !isAnnotatorId(options.annotator))
      throw new ProjectError(`invalid annotator id "${options.annotator}"`);
    const p = new Project(abs, config, options);
    await p.load();
    return p;
  }

  private async load(): Promise<void> {
    const progress = this.options.onProgress;
    const [lists, images] = await Promise.all([
      loadItemLists(this.paths.dir),
      this.options.scanImages === false
        ? Promise.resolve(null)
        : scanImages(this.paths.dir, (n) => progress?.('images', n)),
    ]);
    this.errors.push(...lists.errors);
    this.warnings.push(...lists.warnings);
    this.itemListFiles = lists.files;
    this.setItems(lists.items);
    if (images) {
      this.images = new Set(images);
      const listed = new Set(this.items.map((i) => i.img));
      for (const img of images) {
        if (listed.has(img)) continue;
        const id = idFromImagePath(img);
        if (this.index.has(itemKey(id))) continue;
        this.addItem({ id, img, text: '' });
      }
      for (const item of this.items) if (!this.images.has(item.img)) this.missingImages.push(item.img);
    }
    await this.readGovernance();
    this.applyGovernance();
    progress?.('items', this.items.length);
    for (const id of await this.annotatorOrder()) this.state.addAnnotator(id);
    for (const id of [...this.state.annotators]) await this.readAnnotations(id, false);
    await this.readAdjudications();
  }

  setItems(items: Item[]): void {
    this.items = [];
    this.index.clear();
    for (const it of items) this.addItem(it);
  }

  addItem(item: Item): void {
    this.index.set(itemKey(item.id), this.items.length);
    this.items.push(item);
    this.goldCache = null;
  }

  item(id: ItemId): Item | undefined {
    const i = this.index.get(itemKey(id));
    return i === undefined ? undefined : this.items[i];
  }

  /** Roster order first, then every other annotator file by name: stable across sessions. */
  async annotatorOrder(): Promise<string[]> {
    const order = this.config.roster.map((r) => r.id);
    let names: string[] = [];
    try {
      names = await readdir(this.paths.annotations);
    } catch {
      names = [];
    }
    const others = names
      .filter((n) => n.endsWith('.jsonl'))
      .map((n) => n.slice(0, -'.jsonl'.length))
      .filter((id) => isAnnotatorId(id) && !order.includes(id))
      .sort();
    return [...order, ...others].filter((id) => !this.isForgottenAnnotator(id));
  }

  /** Roster order, then every other annotator by id: the order of per-annotator export lists. */
  stableOrder(): string[] {
    const roster = this.config.roster.map((r) => r.id);
    const others = this.state.annotators.filter((a) => !roster.includes(a)).sort();
    return [...roster, ...others];
  }

  /**
   * Reads an annotator's log from where the last read stopped and returns the new lines (the
   * initial load passes `collect = false`: it replays whole files and keeps nothing aside).
   */
  async readAnnotations(annotator: string, collect = true): Promise<AnnotationEvent[]> {
    const file = this.paths.annotationFile(annotator);
    const pos = this.positions.get(file);
    const own = annotator === this.options.annotator;
    const label = `annotations/${annotator}.jsonl`;
    const fresh: AnnotationEvent[] = [];
    const onRecord = (ev: AnnotationEvent, line: number): void => {
      if (ev.annotator !== annotator) {
        this.errors.push({
          file: label,
          line,
          message: `field "annotator": "${ev.annotator}" in the file of "${annotator}"`,
        });
        return;
      }
      this.state.apply(ev);
      if (collect) fresh.push(ev);
    };
    let chunk;
    if (pos) chunk = await readLogFrom(file, label, checkAnnotationEvent, onRecord, pos.end, pos.lines);
    else {
      const opened = await openLog(file, label, checkAnnotationEvent, onRecord, own);
      if (opened.repaired)
        this.warnings.push(
          `${label}:${opened.repaired.line}: torn last line (${opened.repaired.bytes} bytes) cut off and kept in ${basename(opened.repaired.savedTo)}`,
        );
      chunk = opened;
    }
    this.errors.push(...chunk.errors);
    this.positions.set(file, { end: chunk.end, lines: chunk.lines });
    return fresh;
  }

  /** Replays an annotator's whole file again (after it was rewritten, e.g. by a forget). */
  async reloadAnnotations(annotator: string): Promise<AnnotationEvent[]> {
    this.state.dropAnnotator(annotator);
    this.positions.delete(this.paths.annotationFile(annotator));
    this.goldCache = null;
    return this.readAnnotations(annotator);
  }

  async reloadAdjudications(): Promise<Adjudication[]> {
    this.state.clearAdjudications();
    this.positions.delete(this.paths.adjudications);
    this.goldCache = null;
    return this.readAdjudications();
  }

  isForgottenAnnotator(id: string): boolean {
    return this.governance.annotatorHashes.size > 0 && this.governance.annotatorHashes.has(annotatorHash(id));
  }

  isForgottenItem(id: ItemId): boolean {
    return this.governance.itemHashes.size > 0 && this.governance.itemHashes.has(itemHash(id));
  }

  /**
   * Applies governance to what is in memory: forgotten items and annotators disappear (files
   * still holding them are found by the audit and purged by their writer), provenance overlays
   * the item lists' values.
   */
  applyGovernance(): void {
    const g = this.governance;
    if (g.itemHashes.size > 0) {
      const kept = this.items.filter((it) => !g.itemHashes.has(itemHash(it.id)));
      if (kept.length !== this.items.length) {
        for (const it of this.items) if (g.itemHashes.has(itemHash(it.id))) this.state.dropItem(it.id);
        this.setItems(kept);
      }
    }
    for (const a of [...this.state.annotators]) if (this.isForgottenAnnotator(a)) this.state.dropAnnotator(a);
    for (const [key, p] of g.provenance) {
      const it = this.item(key);
      if (it) it.provenance = { ...it.provenance, ...p };
    }
    this.goldCache = null;
  }

  /** Reads governance.jsonl from where the last read stopped; returns the new events. */
  async readGovernance(): Promise<GovernanceEvent[]> {
    const file = this.paths.governance;
    const pos = this.positions.get(file);
    const fresh: GovernanceEvent[] = [];
    const onRecord = (ev: GovernanceEvent): void => {
      this.governance.apply(ev);
      fresh.push(ev);
    };
    const chunk = pos
      ? await readLogFrom(file, 'governance.jsonl', checkGovernanceEvent, onRecord, pos.end, pos.lines)
      : await openLog(file, 'governance.jsonl', checkGovernanceEvent, onRecord, this.options.lead === true);
    this.errors.push(...chunk.errors);
    this.positions.set(file, { end: chunk.end, lines: chunk.lines });
    return fresh;
  }

  /** Appends governance events (lead only) in one fsynced write, then applies them. */
  async appendGovernance(events: GovernanceEvent | GovernanceEvent[]): Promise<void> {
    if (!this.options.lead) throw new ProjectError('only a lead writes governance.jsonl');
    const list = Array.isArray(events) ? events : [events];
    const checked = list.map((ev) => {
      const c = checkGovernanceEvent(ev);
      if (!c.ok) throw new ProjectError(`governance event: ${c.error}`);
      return c.value;
    });
    const file = this.paths.governance;
    if (!this.positions.has(file)) this.positions.set(file, { end: 0, lines: 0 });
    await this.writer(file).append(checked.map((ev) => JSON.stringify(ev) + '\n').join(''));
    (this.positions.get(file) as LogPosition).lines += checked.length;
    for (const ev of checked) this.governance.apply(ev);
    this.applyGovernance();
  }

  /** The single writer of one of this project's append-only files. */
  writerFor(file: string): AppendQueue {
    return this.writer(file);
  }

  async readAdjudications(): Promise<Adjudication[]> {
    const file = this.paths.adjudications;
    const pos = this.positions.get(file);
    const label = 'adjudications.jsonl';
    const fresh: Adjudication[] = [];
    const onRecord = (adj: Adjudication): void => {
      this.state.applyAdjudication(adj);
      fresh.push(adj);
    };
    const chunk = pos
      ? await readLogFrom(file, label, checkAdjudication, onRecord, pos.end, pos.lines)
      : await openLog(file, label, checkAdjudication, onRecord, this.options.lead === true);
    this.errors.push(...chunk.errors);
    this.positions.set(file, { end: chunk.end, lines: chunk.lines });
    return fresh;
  }

  private writer(file: string): AppendQueue {
    let q = this.writers.get(file);
    if (!q) {
      q = new AppendQueue(file);
      // Our own appends advance the read position, so a watcher never replays them.
      q.onWritten = (size) => {
        const pos = this.positions.get(file) ?? { end: 0, lines: 0 };
        this.positions.set(file, pos);
        pos.end = size;
      };
      this.writers.set(file, q);
    }
    return q;
  }

  /**
   * Appends annotation lines (fsynced before resolving) and applies them. A process opened for
   * one annotator writes only that annotator's file; the CLI importer writes the slot files.
   */
  async appendAnnotations(events: AnnotationEvent[]): Promise<void> {
    const byAnnotator = new Map<string, AnnotationEvent[]>();
    for (const ev of events) {
      const checked = checkAnnotationEvent(ev);
      if (!checked.ok) throw new ProjectError(`annotation for item ${ev.item}: ${checked.error}`);
      if (this.options.annotator !== undefined && ev.annotator !== this.options.annotator)
        throw new ProjectError(
          `this app writes for "${this.options.annotator}", not "${ev.annotator}": each annotator writes only their own file`,
        );
      const list = byAnnotator.get(ev.annotator) ?? [];
      list.push(checked.value);
      byAnnotator.set(ev.annotator, list);
    }
    // Enqueue synchronously so lines land in the order of the calls, even when not awaited.
    const writes = [...byAnnotator].map(async ([annotator, list]) => {
      const file = this.paths.annotationFile(annotator);
      if (!this.positions.has(file)) this.positions.set(file, { end: 0, lines: 0 });
      this.state.addAnnotator(annotator);
      await this.writer(file).append(list.map((e) => JSON.stringify(e) + '\n').join(''));
      (this.positions.get(file) as LogPosition).lines += list.length;
      for (const e of list) this.state.apply(e);
    });
    await Promise.all(writes);
  }

  async appendAdjudication(adj: Adjudication): Promise<void> {
    if (!this.options.lead) throw new ProjectError('only a lead writes adjudications');
    const checked = checkAdjudication(adj);
    if (!checked.ok) throw new ProjectError(`adjudication for item ${adj.item}: ${checked.error}`);
    const file = this.paths.adjudications;
    if (!this.positions.has(file)) this.positions.set(file, { end: 0, lines: 0 });
    await this.writer(file).append(JSON.stringify(checked.value) + '\n');
    (this.positions.get(file) as LogPosition).lines += 1;
    this.state.applyAdjudication(checked.value);
  }

  async saveConfig(next: ProjectConfig): Promise<void> {
    const parsed = projectConfigSchema.parse(next);
    await writeFileAtomic(this.paths.config, JSON.stringify(parsed, null, 2) + '\n');
    this.config = parsed;
    this.goldCache = null;
  }

  async addToRoster(entries: RosterEntry[]): Promise<void> {
    const roster = [...this.config.roster];
    for (const e of entries) if (!roster.some((r) => r.id === e.id)) roster.push(e);
    if (roster.length !== this.config.roster.length) await this.saveConfig({ ...this.config, roster });
    for (const e of entries) this.state.addAnnotator(e.id);
  }

  policy(): GoldPolicy {
    return this.config.goldPolicy;
  }

  /** Gold of every item in item order, cached until labels change. */
  golds(policy: GoldPolicy = this.policy()): Gold[] {
    const c = this.goldCache;
    if (c && c.version === this.state.version && c.policy === policy && c.golds.length === this.items.length)
      return c.golds;
    const golds = goldForAll(this.state, this.items, policy);
    this.goldCache = { version: this.state.version, policy, golds };
    return golds;
  }

  gold(item: Item, policy: GoldPolicy = this.policy()): Gold {
    return goldOf(this.state, item, policy);
  }

  agreement(policy: GoldPolicy = this.policy()): AgreementReport {
    const matrix = buildLabelMatrix(this.state, this.items, this.golds(policy));
    return computeAgreement(matrix, this.fullOverlap());
  }

  /**
   * Ratings an item needs to count as fully overlapping (Fleiss' kappa, pairwise Cohen's kappa,
   * percent agreement): the target per item, or fewer while fewer annotators have voted at all.
   */
  fullOverlap(): number {
    const voters = new Set<string>();
    for (const [, slots] of this.state.entries())
      for (const s of slots) if (s && s.ev.hate !== null) voters.add(s.ev.annotator);
    return Math.max(2, Math.min(this.config.targetAnnotators, voters.size));
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
