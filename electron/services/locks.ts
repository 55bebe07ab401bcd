// One writer per annotator file: an app that labels as annotator X holds
// .memejury/locks/X.lock. A second app (another window, a second instance, the same profile on
// another machine through a synced folder) gets a clear message instead of becoming a second
// writer. Locks of dead processes on this host are taken over.
import { UserError } from './errors';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { isAnnotatorId } from '../../shared/ids';
import { processAlive } from './fsx';
import { LEAD_LOCK, META_DIR } from './paths';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
  app: string;
}

class LockError extends UserError {}

export class AnnotatorLock {
  private constructor(
    readonly path: string,
    readonly info: LockInfo,
  ) {}

  static async acquire(metaDir: string, annotator: string, app = 'Meme Jury'): Promise<AnnotatorLock> {
    if (!isAnnotatorId(annotator)) throw new LockError(`invalid annotator id "${annotator}"`);
    return AnnotatorLock.take(
      metaDir,
      annotator,
      `annotator "${annotator}" is already labeling this project`,
      app,
    );
  }

  /** The lead writes adjudications.jsonl and governance.jsonl: one lead app at a time. */
  static async acquireLead(metaDir: string, app = 'Meme Jury'): Promise<AnnotatorLock> {
    return AnnotatorLock.take(metaDir, LEAD_LOCK, 'lead mode is already on for this project', app);
  }

  private static async take(
    metaDir: string,
    annotator: string,
    busy: string,
    app: string,
  ): Promise<AnnotatorLock> {
    const dir = join(metaDir, 'locks');
    await mkdir(dir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
      // A folder this user may only read: said in words (a profile writes its labels here).
      if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS')
        throw new UserError(
          `${dirname(metaDir)}: this project folder is read-only for you (${err.code}); Meme Jury writes labels and locks in ${META_DIR}/ there: ask for write access, or work on a copy`,
        );
      throw err;
    });
    // Lock files are per machine: keep them out of git for teams that version the project.
    await writeFile(join(metaDir, '.gitignore'), 'locks/\n', { flag: 'wx' }).catch(() => undefined);
    const path = join(dir, `${annotator}.lock`);
    const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), app };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fh = await open(path, 'wx');
        await fh.writeFile(JSON.stringify(info));
        await fh.sync();
        await fh.close();
        return new AnnotatorLock(path, info);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      let held: LockInfo | null = null;
      try {
        held = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
      } catch {
        held = null; // unreadable: a crash while writing it; take it over
      }
      const stale =
        !held || (held.host === info.host && (held.pid === process.pid ? false : !processAlive(held.pid)));
      if (held && held.host === info.host && held.pid === process.pid)
        throw new LockError(`${busy} in this app`);
      if (!stale && held)
        throw new LockError(
          `${busy} in another app (${held.app}, pid ${held.pid} on ${held.host} since ${held.since}); close it there first`,
        );
      await rm(path, { force: true });
    }
    throw new LockError(`could not take the lock ${path}`);
  }

  async release(): Promise<void> {
    try {
      const held = JSON.parse(await readFile(this.path, 'utf8')) as LockInfo;
      if (held.pid === this.info.pid && held.host === this.info.host) await rm(this.path, { force: true });
    } catch {
      /* already gone */
    }
  }
}

/**
 * Who holds a lock: this process, another live app (or one on another machine, which cannot be
 * checked), or nobody (no lock, or a dead process on this host).
 */
export async function lockHolder(metaDir: string, name: string): Promise<'self' | 'other' | 'none'> {
  let held: LockInfo;
  try {
    held = JSON.parse(await readFile(join(metaDir, 'locks', `${name}.lock`), 'utf8')) as LockInfo;
  } catch {
    return 'none';
  }
  if (held.host !== hostname()) return 'other';
  if (held.pid === process.pid) return 'self';
  return processAlive(held.pid) ? 'other' : 'none';
}
