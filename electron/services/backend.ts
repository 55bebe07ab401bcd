// The backend behind `window.api`: one instance per window (Electron) or per server (browser
// mode). It holds the user's settings, the open project and this app's annotator, and answers
// every channel of shared/api.ts. Transports (ipcMain, HTTP) validate arguments with
// shared/api.ts before calling `handle`.
import { cp, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  parseArgs,
  type ApiEvents,
  type AppInfo,
  type Channel,
  type ItemView,
  type MyLabel,
  type ParsedArgsOf,
  type Progress,
  type ProjectSummary,
  type ResultOf,
} from '../../shared/api';
import { addStatus, itemStatus, queueOrder, selectQueue, type QueueCounts } from '../../shared/queue';
import type { AnnotationEvent, ItemId } from '../../shared/records';
import { exists } from './fsx';
import { forgottenGuard } from './forget';
import { importFghm } from './importer';
import { AnnotatorLock } from './locks';
import { initProject, Project, ProjectError } from './project';
import { SettingsStore } from './settings';
import { ProjectWatcher } from './watcher';
import { leadHandlers } from './leadHandlers';
import { purgeOwnFile, rightsHandlers } from './rightsHandlers';

export interface Platform {
  mode: 'electron' | 'browser';
  version: string;
  settingsPath: string;
  /** The demo project shipped with the app, and where its writable copy lives. */
  demoSource: string;
  demoTarget: string;
  chooseFolder?(): Promise<string | null>;
  chooseFile?(title: string, extensions: string[]): Promise<string | null>;
  chooseSaveFile?(title: string, defaultName: string): Promise<string | null>;
}

export type Handlers = { [C in Channel]: (args: ParsedArgsOf<C>) => Promise<ResultOf<C>> };
type Listener = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void;

export class UserError extends Error {}

function myLabel(ev: AnnotationEvent | undefined): MyLabel | null {
  if (!ev) return null;
  const out: MyLabel = {
    hate: ev.hate,
    pc: [...ev.pc],
    attack: [...ev.attack],
    note: ev.note,
    flag: ev.flag,
    at: ev.at,
  };
  if (ev.skip) out.skip = ev.skip;
  return out;
}

export class Backend {
  project: Project | null = null;
  /** Lead mode: this app may write adjudications.jsonl (and governance.jsonl). */
  lead = false;
  private locks = new Map<string, AnnotatorLock>();
  private watcher: ProjectWatcher | null = null;
  private order: { version: number; order: Int32Array } | null = null;
  private countsCache: {
    project: Project;
    annotator: string;
    version: number;
    counts: QueueCounts;
    annotations: number;
  } | null = null;
  private listeners = new Set<Listener>();
  private readonly handlers: Handlers;

  private constructor(
    readonly platform: Platform,
    readonly settings: SettingsStore,
  ) {
    this.handlers = this.buildHandlers();
  }

  static async create(platform: Platform): Promise<Backend> {
    return new Backend(platform, await SettingsStore.open(platform.settingsPath));
  }

  /** Validates the argument and runs the channel. */
  async handle(channel: Channel, rawArgs: unknown): Promise<unknown> {
    const args = parseArgs(channel, rawArgs);
    const fn = this.handlers[channel] as (a: unknown) => Promise<unknown>;
    return fn(args);
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]): void {
    for (const l of this.listeners) l(event, payload);
  }

  annotator(): string | null {
    return this.settings.get().currentAnnotator;
  }

  requireProject(): Project {
    if (!this.project) throw new UserError('no project is open');
    return this.project;
  }

  private requireAnnotator(): string {
    const a = this.annotator();
    if (!a) throw new UserError('choose an annotator profile first');
    return a;
  }

  async openProject(dir: string, create = false, lead = this.lead): Promise<ProjectSummary> {
    const abs = resolve(dir);
    if (!(await exists(abs))) throw new UserError(`${abs} does not exist`);
    if (!(await stat(abs)).isDirectory()) throw new UserError(`${abs} is not a folder`);
    if (create) await initProject(abs);
    const annotator = this.annotator() ?? undefined;
    // Take the new project's locks before letting go of the old ones: a refusal leaves the
    // open project as it was. Locks this app already holds are reused.
    const project = await Project.open(abs, { annotator, lead });
    const wanted = [annotator ? `${abs}|${annotator}` : null, lead ? `${abs}|_lead` : null].filter(
      (k): k is string => k !== null,
    );
    const taken = new Map<string, AnnotatorLock>();
    try {
      for (const key of wanted) {
        const held = this.locks.get(key);
        if (held) taken.set(key, held);
        else
          taken.set(
            key,
            key.endsWith('|_lead')
              ? await AnnotatorLock.acquireLead(project.paths.meta)
              : await AnnotatorLock.acquire(project.paths.meta, annotator as string),
          );
      }
    } catch (err) {
      for (const [key, lock] of taken) if (!this.locks.has(key)) await lock.release();
      await project.close();
      throw err;
    }
    const old = this.project;
    this.watcher?.close();
    this.project = project;
    this.lead = lead;
    this.order = null;
    await old?.close();
    for (const [key, lock] of this.locks) if (!taken.has(key)) await lock.release();
    this.locks = taken;
    this.watcher = new ProjectWatcher(project, (c) => {
      const hashes = c.tombstones.filter((t) => t.scope === 'item').map((t) => t.hash);
      const after = hashes.length ? purgeOwnFile(this, hashes) : Promise.resolve(false);
      void after.then(() => {
        this.resetCaches();
        this.emit('project:changed', {
          reason: c.tombstones.length ? 'forget' : 'sync',
          annotators: c.annotators,
        });
      });
    });
    this.watcher.start();
    await this.settings.touchRecent(abs, project.config.name);
    return this.summary();
  }

  async closeProject(): Promise<void> {
    const p = this.project;
    this.project = null;
    this.watcher?.close();
    this.watcher = null;
    await p?.close();
    for (const lock of this.locks.values()) await lock.release();
    this.locks.clear();
  }

  /** After items disappear (a forget), queue order and counts are recomputed. */
  resetCaches(): void {
    this.order = null;
    this.countsCache = null;
  }

  summary(): ProjectSummary {
    const p = this.requireProject();
    return {
      dir: p.paths.dir,
      name: p.config.name,
      items: p.items.length,
      annotators: p.stableOrder(),
      targetAnnotators: p.config.targetAnnotators,
      goldPolicy: p.config.goldPolicy,
      missingImages: p.missingImages.length,
      problems: p.problems().slice(0, 50),
      warnings: p.warnings.slice(0, 50),
      annotator: this.annotator(),
      isDemo: resolve(p.paths.dir) === resolve(this.platform.demoTarget),
      lead: this.lead,
      splits: [...new Set(p.items.map((i) => i.set_name ?? ''))].filter(Boolean).sort(),
    };
  }

  private queueOrderFor(p: Project): Int32Array {
    if (!this.order || this.order.version !== p.items.length) {
      this.order = { version: p.items.length, order: queueOrder(p.items, p.config.queueSeed) };
    }
    return this.order.order;
  }

  progress(): Progress {
    const p = this.requireProject();
    const annotator = this.annotator() ?? '';
    const c = this.countsCache;
    if (c && c.project === p && c.annotator === annotator && c.version === p.state.version)
      return { counts: { ...c.counts }, items: p.items.length, annotations: c.annotations };
    const sel = selectQueue(
      this.queueOrderFor(p),
      p.items,
      p.state,
      annotator,
      p.config.targetAnnotators,
      'todo',
    );
    let annotations = 0;
    for (const [, slots] of p.state.entries())
      for (const s of slots) if (s && s.ev.hate !== null) annotations++;
    this.countsCache = { project: p, annotator, version: p.state.version, counts: sel.counts, annotations };
    return { counts: { ...sel.counts }, items: p.items.length, annotations };
  }

  /**
   * Applies this app's own change to one item and updates the cached counts by that item's
   * difference alone, so a save costs O(1) instead of a pass over every item.
   */
  private async changeItem(id: ItemId, write: () => Promise<void>): Promise<Progress> {
    const p = this.requireProject();
    const annotator = this.annotator() ?? '';
    const target = p.config.targetAnnotators;
    const votesOf = (): number => p.state.lines(id).filter((l) => l.hate !== null).length;
    const c = this.countsCache;
    const fresh = c && c.project === p && c.annotator === annotator && c.version === p.state.version;
    const before = itemStatus(p.state.lines(id), annotator, target);
    const votesBefore = votesOf();
    await write();
    if (fresh && c.version + 1 === p.state.version) {
      addStatus(c.counts, before, -1);
      addStatus(c.counts, itemStatus(p.state.lines(id), annotator, target), 1);
      c.annotations += votesOf() - votesBefore;
      c.version = p.state.version;
    }
    return this.progress();
  }

  itemView(id: ItemId): ItemView {
    const p = this.requireProject();
    const item = p.item(id);
    if (!item) throw new UserError(`no item ${id} in this project`);
    const annotator = this.annotator();
    return {
      id: item.id,
      img: item.img,
      text: item.text,
      set_name: item.set_name ?? null,
      missing: p.images ? !p.images.has(item.img) : false,
      mine: annotator ? myLabel(p.state.current(annotator, item.id)) : null,
    };
  }

  private async reopenForAnnotator(): Promise<void> {
    if (this.project) await this.openProject(this.project.paths.dir);
  }

  private buildHandlers(): Handlers {
    return {
      'app:info': async (): Promise<AppInfo> => ({
        version: this.platform.version,
        mode: this.platform.mode,
        dialogs: !!this.platform.chooseFolder,
      }),
      'settings:get': async () => this.settings.get(),
      'settings:setPreferences': async (patch) => this.settings.setPreferences(patch),
      'annotator:create': async ({ id, name }) => {
        const s = await this.settings.addAnnotator(id, name ?? '');
        await this.reopenForAnnotator();
        return s;
      },
      'annotator:select': async ({ id }) => {
        const s = await this.settings.selectAnnotator(id);
        await this.reopenForAnnotator();
        return s;
      },
      'annotator:figures': async () => {
        const p = this.project;
        const a = this.annotator();
        if (!p || !a) return null;
        return p.agreement().per_annotator.find((f) => f.id === a) ?? null;
      },
      'project:current': async () => (this.project ? this.summary() : null),
      'project:open': async ({ dir, create }) => this.openProject(dir, create),
      'project:openDemo': async () => {
        const { demoSource, demoTarget } = this.platform;
        if (!(await exists(demoTarget))) await cp(demoSource, demoTarget, { recursive: true });
        return this.openProject(demoTarget);
      },
      'project:chooseFolder': async () => ({ dir: (await this.platform.chooseFolder?.()) ?? null }),
      'project:import': async ({ file }) => {
        const p = this.requireProject();
        const path = file ?? (await this.platform.chooseFile?.('Import FGHM file', ['json', 'jsonl']));
        if (!path) return null;
        const r = await importFghm(p, path, forgottenGuard(p));
        this.order = null;
        this.emit('project:changed', { reason: 'import', annotators: r.annotators });
        return {
          file: r.file,
          records: r.records,
          itemsAdded: r.itemsAdded,
          annotationsAdded: r.annotationsAdded,
          warnings: r.warnings.slice(0, 50),
        };
      },
      'queue:list': async ({ filter }) => {
        const p = this.requireProject();
        const sel = selectQueue(
          this.queueOrderFor(p),
          p.items,
          p.state,
          this.annotator() ?? '',
          p.config.targetAnnotators,
          filter,
        );
        return { filter, ids: sel.indices.map((i) => p.items[i].id), counts: sel.counts };
      },
      'item:get': async ({ ids }) => ids.map((id) => this.itemView(id)),
      'annotation:save': async (args) => {
        const p = this.requireProject();
        const annotator = this.requireAnnotator();
        if (!p.item(args.item)) throw new UserError(`no item ${args.item} in this project`);
        const hateful = args.hate === 'hateful';
        const ev: AnnotationEvent = {
          v: 1,
          item: p.item(args.item)!.id,
          annotator,
          hate: args.hate,
          // Not hateful clears categories and attacks (the UI does too; the log must agree).
          pc: hateful ? [...new Set(args.pc)] : [],
          attack: hateful ? [...new Set(args.attack)] : [],
          at: new Date().toISOString(),
          ms: args.ms,
          note: args.note,
          flag: args.flag,
        };
        if (args.skip) ev.skip = args.skip;
        const progress = await this.changeItem(ev.item, () => p.appendAnnotations([ev]));
        return { item: ev.item, at: ev.at, saved: true, progress };
      },
      'annotation:undo': async ({ item }) => {
        const p = this.requireProject();
        const annotator = this.requireAnnotator();
        const it = p.item(item);
        if (!it) throw new UserError(`no item ${item} in this project`);
        let progress = this.progress();
        if (p.state.current(annotator, it.id)) {
          const undo: AnnotationEvent = {
            v: 1,
            item: it.id,
            annotator,
            hate: null,
            pc: [],
            attack: [],
            at: new Date().toISOString(),
            ms: 0,
            note: '',
            flag: false,
            undo: true,
          };
          progress = await this.changeItem(it.id, () => p.appendAnnotations([undo]));
        }
        return { item: it.id, mine: myLabel(p.state.current(annotator, it.id)), progress };
      },
      'progress:get': async () => this.progress(),
      ...leadHandlers(this),
      ...rightsHandlers(this),
    };
  }

  async dispose(): Promise<void> {
    await this.closeProject();
  }
}

/** Errors the user can act on are shown as they are; anything else is reported generically. */
export function userMessage(err: unknown): string {
  if (err instanceof UserError || err instanceof ProjectError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
