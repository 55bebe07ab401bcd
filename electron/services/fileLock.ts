// A short mutual exclusion between processes of one user around a read-modify-write of a small
// shared file (settings.json): a lock file created exclusively, held for milliseconds. A lock
// left by a crashed process is taken over once it is older than any real hold could be.
import { open, rm, stat } from 'node:fs/promises';
import { UserError } from './errors';

const RETRY_MS = 15;
const WAIT_MS = 5000;
const STALE_MS = 10_000;

export async function withLockFile<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      const fh = await open(lockPath, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const st = await stat(lockPath).catch(() => null);
      if (st && Date.now() - st.mtimeMs > STALE_MS) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() - start > WAIT_MS)
        throw new UserError(
          `${lockPath} is held by another app for more than ${WAIT_MS / 1000} s; try again`,
        );
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}
