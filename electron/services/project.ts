// A project folder opened in memory: items, images, every annotator's labels and the lead's
// decisions. `Project.open` is the one way a folder is opened, by the Electron app, browser mode
// and every CLI command alike: the same scan of item lists and image folders, the same warnings.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { computeAgreement, buildLabelMatrix, type AgreementReport } from '../../shared/agreement';
import type { Gold, GoldPolicy } from '../../shared/gold';
import { projectConfigSchema, zodMessage, type ProjectConfig, type RosterEntry } from '../../shared/project';
import { isAnnotatorId } from '../../shared/ids';
import { jsonParseMessage } from '../../shared/jsonl';
import { itemKey, type Item, type ItemId, type ItemKey, type Provenance } from '../../shared/records';
import type { QueueRules } from '../../shared/queue';
import type { ReadinessRule } from '../../shared/readiness';
import { goldForAll, goldOf } from '../../shared/state';
import { TAXONOMY_VERSION } from '../../shared/taxonomy';
import { exists, writeFileAtomic } from './fsx';
import { unfinishedImports } from './importJournal';
import { GuidelinesStore } from './guidelines';
import { itemHash } from './hashes';
import { loadPredictions, type Predictions } from './predictions';
import { scanImages } from './projectFiles';
import { idFromImagePath, loadItemLists } from './items';
import { annotatorOfFileName, projectPaths, type ProjectPaths } from './paths';
import { ProjectError, ProjectLogs, type OpenOptions } from './projectLogs';

export { ProjectError, type OpenOptions, type LogPosition } from './projectLogs';

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

async function readConfig(paths: ProjectPaths): Promise<ProjectConfig> {
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
    throw new ProjectError(`${paths.config}: ${jsonParseMessage(err)}`);
  }
  const parsed = projectConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ProjectError(`${paths.config}: ${zodMessage(parsed.error)}`);
  return parsed.data;
}

/** Identifies one version of project.json on disk (inode, size, time); '' when absent. */
export async function configStamp(path: string): Promise<string> {
  const st = await stat(path).catch(() => null);
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : '';
}

export class Project extends ProjectLogs {
  /** The project.json this object holds (configStamp): the watcher reloads when it changes. */
  configStamp = '';
  config: ProjectConfig;
  items: Item[] = [];
  /** Each item's position in `items`, by its key. */
  index = new Map<ItemKey, number>();
  images = new Set<string>();
  /** Attached model predictions by item (.memejury/predictions.jsonl). */
  predictions: Predictions = { byItem: new Map(), rows: [] };
  missingImages: string[] = [];
  itemListFiles: string[] = [];
  private goldCache: { version: number; policy: GoldPolicy; golds: Gold[] } | null = null;
  /** The item lists' own provenance of the items governance.jsonl overlays (key → values). */
  private readonly listProvenance = new Map<string, Provenance | undefined>();
  /** The annotation guidelines this app shows, and their versions (guidelines.ts). */
  readonly guidelines: GuidelinesStore;

  private constructor(dir: string, config: ProjectConfig, options: OpenOptions) {
    super(projectPaths(dir), options);
    this.config = config;
    this.guidelines = new GuidelinesStore(this.paths, options.lead === true, (m) => this.warnings.push(m));
  }

  protected changed(): void {
    this.goldCache = null;
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<Project> {
    const abs = resolve(dir);
    const st = await stat(abs).catch(() => null);
    if (!st) throw new ProjectError(`${abs} does not exist`);
    if (!st.isDirectory()) throw new ProjectError(`${abs} is not a folder`);
    if (options.create) await initProject(abs);
    // Which project.json was read (taken before reading: a later change is then always seen).
    const stamp = await configStamp(projectPaths(abs).config);
    const config = await readConfig(projectPaths(abs));
    if (options.annotator !== undefined && !isAnnotatorId(options.annotator))
      throw new ProjectError(`invalid annotator id "${options.annotator}"`);
    const p = new Project(abs, config, options);
    p.configStamp = stamp;
    await p.load();
    return p;
  }

  private async load(): Promise<void> {
    const progress = this.options.onProgress;
    const [lists, images] = await Promise.all([
      loadItemLists(this.paths.dir),
      scanImages(this.paths.dir, (n) => progress?.('images', n)),
    ]);
    this.errors.push(...lists.errors);
    this.warnings.push(...lists.warnings);
    this.itemListFiles = lists.files;
    this.setItems(lists.items, lists.index);
    this.images = new Set(images);
    // (No set of 100k listed paths to make when there are no image files to match.)
    const listed = images.length === 0 ? new Set<string>() : new Set(this.items.map((i) => i.img));
    for (const img of images) {
      if (listed.has(img)) continue;
      const id = idFromImagePath(img);
      const taken = this.item(id);
      if (!taken) {
        this.addItem({ id, img, text: '' });
        continue;
      }
      // Two files whose names give one id (00001.png and batch2/00001.jpg): neither is hidden.
      // The later one becomes an item of its own, named by its path, and the lead is told.
      const own = [img.replace(/\.[^./]+$/, ''), img].find((alt) => !this.item(alt));
      if (own === undefined) continue;
      this.addItem({ id: own, img, text: '' });
      this.warnings.push(
        `${img}: its name gives item id ${String(id)}, which is already ${taken.img}${taken.origin ? ` (${taken.origin})` : ''}; added as item "${own}"`,
      );
    }
    for (const item of this.items) if (!this.images.has(item.img)) this.missingImages.push(item.img);
    await this.readGovernance();
    this.applyGovernance();
    await this.guidelines.refresh();
    progress?.('items', this.items.length);
    for (const id of await this.annotatorOrder()) this.state.addAnnotator(id);
    await this.replayAnnotations();
    await this.readAdjudications();
    await this.readKnown();
    this.predictions = await loadPredictions(this.paths.predictions);
    // Labels of items no item list or image names: kept (an item list may still arrive by sync),
    // and said so, never taken silently.
    for (const [file, u] of this.unknownItems)
      this.warnings.push(
        `${file}:${u.line}: ${u.count} line${u.count === 1 ? '' : 's'} label${u.count === 1 ? 's an item that is' : ' items that are'} not in this project (first: item ${String(u.item)})`,
      );
    this.warnings.push(...(await unfinishedImports(this.paths)));
  }

  protected hasItem(id: ItemId): boolean {
    return this.index.has(itemKey(id));
  }

  /** `index`, when given, is each item's position in `items` (as loadItemLists gives it). */
  setItems(items: Item[], index?: Map<ItemKey, number>): void {
    if (index) {
      this.items = items;
      this.index = index;
      this.goldCache = null;
      return;
    }
    this.items = [];
    this.index = new Map();
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
    const names = await readdir(this.paths.annotations).catch(() => [] as string[]);
    const others = names
      .map((n) => annotatorOfFileName(n))
      .filter((id): id is string => id !== null && !order.includes(id))
      .sort();
    return [...order, ...others].filter((id) => !this.isForgottenAnnotator(id));
  }

  /** Roster order, then every other annotator by id: the order of per-annotator export lists. */
  stableOrder(): string[] {
    const roster = this.config.roster.map((r) => r.id);
    // A forgotten annotator keeps an empty column in this process's state: never named again.
    const others = this.state.annotators
      .filter((a) => !roster.includes(a) && !this.isForgottenAnnotator(a))
      .sort();
    return [...roster, ...others];
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
      if (!it) continue;
      if (!this.listProvenance.has(key)) this.listProvenance.set(key, it.provenance);
      it.provenance = { ...this.listProvenance.get(key), ...p };
    }
    this.goldCache = null;
  }

  /**
   * An item's provenance as it stood at `at` (an ISO time): what an export made then counted in
   * its manifest, whatever the lead recorded since.
   */
  provenanceAsOf(id: ItemId, at: string): Provenance | undefined {
    const key = String(id);
    const base = this.listProvenance.has(key) ? this.listProvenance.get(key) : this.item(id)?.provenance;
    return this.governance.provenanceAsOf(key, base, at);
  }

  /**
   * The item lists changed on disk (an import by the CLI or on another machine): adds the items
   * not known yet (never forgotten ones) and returns how many. Items are only ever added here;
   * one that disappeared from a list is kept until the project is opened again.
   */
  async addNewItems(): Promise<number> {
    const lists = await loadItemLists(this.paths.dir);
    let added = 0;
    for (const it of lists.items) {
      if (this.index.has(itemKey(it.id)) || this.isForgottenItem(it.id)) continue;
      this.addItem(it);
      if (await exists(join(this.paths.dir, it.img))) this.images.add(it.img);
      else this.missingImages.push(it.img);
      added++;
    }
    if (added > 0) this.applyGovernance();
    return added;
  }

  /** Reads the attached predictions again (a lead attached new ones). */
  async reloadPredictions(): Promise<void> {
    this.predictions = await loadPredictions(this.paths.predictions);
  }

  /** Reads project.json again (a lead changed roles or settings from another machine). */
  async reloadConfig(): Promise<void> {
    this.configStamp = await configStamp(this.paths.config);
    this.config = await readConfig(this.paths);
    this.goldCache = null;
  }

  async saveConfig(next: ProjectConfig): Promise<void> {
    const parsed = projectConfigSchema.parse(next);
    await writeFileAtomic(this.paths.config, JSON.stringify(parsed, null, 2) + '\n');
    this.configStamp = await configStamp(this.paths.config);
    this.config = parsed;
    this.goldCache = null;
  }

  async addToRoster(entries: RosterEntry[]): Promise<void> {
    const roster = [...this.config.roster];
    for (const e of entries) if (!roster.some((r) => r.id === e.id)) roster.push(e);
    if (roster.length !== this.config.roster.length) await this.saveConfig({ ...this.config, roster });
    for (const e of entries) this.state.addAnnotator(e.id);
  }

  /** What decides each annotator's queue (shared/queue.ts): assignment, known items, qualification. */
  queueRules(): QueueRules {
    const c = this.config;
    const pool = c.roster.filter((r) => r.role === 'annotator' && !r.left).map((r) => r.id);
    return {
      target: c.targetAnnotators,
      seed: c.queueSeed,
      pool,
      known: this.state.knownKeys(),
      knownRate: c.knownRate,
      qualification: c.qualification,
    };
  }

  /**
   * The items agreement is computed on, with their gold: all but the known-answer ones (tests
   * of the annotators, whose gold is fixed, not agreed).
   */
  scored(policy: GoldPolicy = this.policy()): { items: Item[]; golds: Gold[] } {
    return this.withoutKnown(this.golds(policy));
  }

  private withoutKnown<G extends Gold[] | null>(golds: G): { items: Item[]; golds: G } {
    if (this.state.knownKeys().size === 0) return { items: this.items, golds };
    const items: Item[] = [];
    const kept: Gold[] = [];
    this.items.forEach((it, i) => {
      if (this.state.known(it.id)) return;
      items.push(it);
      if (golds) kept.push(golds[i]);
    });
    return { items, golds: (golds && kept) as G };
  }

  /** When this project's items are ready for review and export (shared/readiness.ts). */
  readinessRule(): ReadinessRule {
    const imported = new Set(this.config.roster.filter((r) => r.role === 'imported').map((r) => r.id));
    return { target: this.config.targetAnnotators, imported };
  }

  policy(): GoldPolicy {
    return this.config.goldPolicy;
  }

  /** Gold of every item in item order, cached until labels change. */
  golds(policy: GoldPolicy = this.policy()): Gold[] {
    const cached = this.cachedGolds(policy);
    if (cached) return cached;
    const golds = goldForAll(this.state, this.items, policy);
    this.goldCache = { version: this.state.version, policy, golds };
    return golds;
  }

  private cachedGolds(policy: GoldPolicy): Gold[] | null {
    const c = this.goldCache;
    return c &&
      c.version === this.state.version &&
      c.policy === policy &&
      c.golds.length === this.items.length
      ? c.golds
      : null;
  }

  gold(item: Item, policy: GoldPolicy = this.policy()): Gold {
    return goldOf(this.state, item, policy);
  }

  agreement(policy: GoldPolicy = this.policy()): AgreementReport {
    // Golds not computed yet (`memejury stats`) are computed by the matrix in its own pass.
    const { items, golds } = this.withoutKnown(this.cachedGolds(policy));
    const matrix = buildLabelMatrix(this.state, items, golds, policy);
    return computeAgreement(matrix, this.fullOverlap());
  }

  /**
   * Ratings an item needs to count as fully overlapping (Fleiss' kappa, pairwise Cohen's kappa,
   * percent agreement): the target per item, or fewer while fewer annotators have voted at all.
   */
  fullOverlap(): number {
    return Math.max(2, Math.min(this.config.targetAnnotators, this.state.voterCount()));
  }
}
