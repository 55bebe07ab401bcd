// The open project of one app (an Electron window or a browser-mode server): opening it through
// the one project-open path, holding this app's writer locks (its annotator file, and the lead's
// files in lead mode), and watching the folder for lines synced in from other machines.
import { resolve } from 'node:path';
import { purgeOwnFile } from './forget';
import { AnnotatorLock } from './locks';
import { LEAD_LOCK } from './paths';
import { Project } from './project';
import { ProjectWatcher, type SyncChange } from './watcher';

export interface OpenRequest {
  dir: string;
  annotator: string | null;
  lead: boolean;
  create?: boolean;
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
   * Opens `dir` for `annotator` (and as lead). The new project's locks are taken before the old
   * ones are let go, so a refusal leaves the open project as it was; locks this app already
   * holds are reused.
   */
  async open(req: OpenRequest): Promise<Project> {
    const abs = resolve(req.dir);
    const annotator = req.annotator ?? undefined;
    const project = await Project.open(abs, { annotator, lead: req.lead, create: req.create });
    const wanted = new Map<string, () => Promise<AnnotatorLock>>();
    if (annotator)
      wanted.set(`${abs}|${annotator}`, () => AnnotatorLock.acquire(project.paths.meta, annotator));
    if (req.lead) wanted.set(`${abs}|${LEAD_LOCK}`, () => AnnotatorLock.acquireLead(project.paths.meta));
    const taken = new Map<string, AnnotatorLock>();
    try {
      for (const [key, acquire] of wanted) taken.set(key, this.locks.get(key) ?? (await acquire()));
    } catch (err) {
      for (const [key, lock] of taken) if (!this.locks.has(key)) await lock.release();
      await project.close();
      throw err;
    }
    const old = this.project;
    this.watcher?.close();
    this.project = project;
    this.lead = req.lead;
    await old?.close();
    for (const [key, lock] of this.locks) if (!taken.has(key)) await lock.release();
    this.locks = taken;
    this.watcher = new ProjectWatcher(project, (change) => {
      const hashes = change.tombstones.filter((t) => t.scope === 'item').map((t) => t.hash);
      void purgeOwnFile(project, hashes).then(() => this.onSync(change));
    });
    this.watcher.start();
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
