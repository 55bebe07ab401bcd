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
  type ParsedArgsOf,
  type Progress,
  type ProjectSummary,
  type ResultOf,
} from '../../shared/api';
import type { ItemId } from '../../shared/records';
import { exists } from './fsx';
import { forgottenGuard } from './forget';
import { importFghm } from './importer';
import { AnnotatorLock } from './locks';
import { initProject, Project, ProjectError } from './project';
import { SettingsStore } from './settings';
import { ProjectWatcher } from './watcher';
import { Labeling } from './labeling';
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

export class Backend {
  project: Project | null = null;
  /** Lead mode: this app may write adjudications.jsonl (and governance.jsonl). */
  lead = false;
  private locks = new Map<string, AnnotatorLock>();
  private watcher: ProjectWatcher | null = null;
  private readonly labeling = new Labeling(this);
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

  requireAnnotator(): string {
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
    this.resetCaches();
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
    this.labeling.reset();
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

  progress(): Progress {
    return this.labeling.progress();
  }

  itemView(id: ItemId): ItemView {
    return this.labeling.itemView(id);
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
        this.resetCaches();
        this.emit('project:changed', { reason: 'import', annotators: r.annotators });
        return {
          file: r.file,
          records: r.records,
          itemsAdded: r.itemsAdded,
          annotationsAdded: r.annotationsAdded,
          warnings: r.warnings.slice(0, 50),
        };
      },
      ...this.labeling.handlers(),
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
