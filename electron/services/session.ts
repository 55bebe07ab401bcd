// The open project of one app (an Electron window or a browser-mode server): opening it through
// the one project-open path, holding this app's writer locks (its annotator file, and the lead's
// files in lead mode), finishing forgets left unfinished, and watching the folder for lines
// synced in from other machines.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from './errors';
import { finishForgetting, pendingForgets, purgeOwnFile } from './forget';
import { EXPORTS_DIR } from './confine';
import { exists, sweepStaleTemps } from './fsx';
import { AnnotatorLock } from './locks';
import { LEAD_LOCK, projectPaths } from './paths';
import { initProject, Project } from './project';
import { ProjectWatcher, type SyncChange } from './watcher';
import { collectGarbageSoon } from './memory';

export interface OpenRequest {
  dir: string;
  annotator: string | null;
  lead: boolean;
  create?: boolean;
}

/**
 * Finishes the forgets not yet finished on this machine (forget.ts): as the lead if this app is,
 * else under the lead lock taken just for that when no other app holds it; otherwise this app
 * purges its own file only and the project says what is left (the audit names it).
 */
async function finishPendingForgets(project: Project, lead: boolean): Promise<void> {
  const pending = await pendingForgets(project);
  if (pending.length === 0) return;
  if (lead) {
    await finishForgetting(project, { tombstones: pending, asLead: true });
    return;
  }
  let lock: AnnotatorLock | null = null;
  try {
    lock = await AnnotatorLock.acquireLead(project.paths.meta, 'Meme Jury (finishing a forget)');
  } catch {
    lock = null;
  }
  if (lock) {
    try {
      const r = await finishForgetting(project, { tombstones: pending, asLead: true });
      if (r.deferred.length > 0)
        project.warnings.push(
          `${pending.length} forget(s) unfinished: ${r.deferred.join(', ')} belong to apps still running, which purge them themselves; run the audit to check`,
        );
    } finally {
      await lock.release();
    }
    return;
  }
  await purgeOwnFile(project, pending);
  project.warnings.push(
    `${pending.length} forget(s) unfinished: the lead's app, open elsewhere, finishes them; until then the audit lists what remains`,
  );
}

export class Session {
  project: Project | null = null;
  /** Lead mode: this app may write adjudications.jsonl and governance.jsonl. */
  lead = false;
  private locks = new Map<string, AnnotatorLock>();
  private watcher: ProjectWatcher | null = null;

  /** `onSync` runs after lines synced in from elsewhere were applied (and tombstones purged). */
  constructor(private readonly onSync: (change: SyncChange) => void) {}

  /**
   * Opens `dir` for `annotator` (and as lead). The locks are taken first, so an app that is
   * refused (another app writes that annotator's file) has touched nothing, not even a torn
   * last line; the new project's locks are taken before the old ones are let go, so a refusal
   * leaves the open project as it was; locks this app already holds are reused.
   */
  async open(req: OpenRequest): Promise<Project> {
    const abs = resolve(req.dir);
    const annotator = req.annotator ?? undefined;
    const paths = projectPaths(abs);
    // Not there, not a folder, or not a project (without create): Project.open says so before
    // anything is written; with create, only an existing folder is made a project.
    if (!(await exists(join(paths.meta, 'project.json')))) {
      const st = await stat(abs).catch(() => null);
      if (!req.create || !st?.isDirectory()) await Project.open(abs);
      else await initProject(abs);
    }
    const wanted = new Map<string, () => Promise<AnnotatorLock>>();
    if (annotator) wanted.set(`${abs}|${annotator}`, () => AnnotatorLock.acquire(paths.meta, annotator));
    if (req.lead) wanted.set(`${abs}|${LEAD_LOCK}`, () => AnnotatorLock.acquireLead(paths.meta));
    const taken = new Map<string, AnnotatorLock>();
    const releaseNew = async (): Promise<void> => {
      for (const [key, lock] of taken) if (!this.locks.has(key)) await lock.release();
    };
    let project: Project;
    try {
      for (const [key, acquire] of wanted) taken.set(key, this.locks.get(key) ?? (await acquire()));
      project = await Project.open(abs, { annotator, lead: req.lead });
    } catch (err) {
      await releaseNew();
      throw err;
    }
    try {
      if (annotator && project.isForgottenAnnotator(annotator))
        throw new UserError(
          `annotator "${annotator}" was forgotten in this project (see the data-rights log): their labels are gone and no more are taken`,
        );
      // No temp file outlives its writer: those a killed export, import or rewrite left go now.
      for (const d of [abs, paths.meta, paths.annotations, join(abs, EXPORTS_DIR)]) await sweepStaleTemps(d);
      await finishPendingForgets(project, req.lead);
    } catch (err) {
      await project.close();
      await releaseNew();
      throw err;
    }
    const old = this.project;
    // The parse's garbage goes once the app is showing the project, not at its peak for hours.
    collectGarbageSoon();
    this.watcher?.close();
    this.project = project;
    this.lead = req.lead;
    await old?.close();
    for (const [key, lock] of this.locks) if (!taken.has(key)) await lock.release();
    this.locks = taken;
    this.watcher = new ProjectWatcher(project, (change) => {
      void (async () => {
        if (change.tombstones.length > 0) {
          // Our own file first (items, or all of it if we were forgotten); the lead's app also
          // finishes whatever else a forget elsewhere left undone.
          await purgeOwnFile(project, change.tombstones);
          if (this.lead && this.project === project)
            await finishForgetting(project, { asLead: true }).catch(() => undefined);
        }
        this.onSync(change);
      })();
    });
    await this.watcher.start();
    return project;
  }

  async close(): Promise<void> {
    const p = this.project;
    this.project = null;
    this.lead = false;
    this.watcher?.close();
    this.watcher = null;
    await p?.close();
    for (const lock of this.locks.values()) await lock.release();
    this.locks.clear();
  }
}
