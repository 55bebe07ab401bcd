// Durable file primitives. Anything the UI reports as saved went through one of these, so it has
// been fsynced; whole-file rewrites go to a temp file that is fsynced and renamed over the target.
import { createHash } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from './errors';

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A file's text. Read as bytes and decoded once: `readFile(path, 'utf8')` decodes it piece by
 * piece into a string of many parts that its first reader then copies whole (a 22 MB file:
 * ~20 ms more).
 */
export async function readUtf8(path: string): Promise<string> {
  return (await readFile(path)).toString('utf8');
}

/**
 * A file's text for reading input (an import, a sidecar, predictions, a file to validate), with
 * a message naming the path when it is not a readable file: a folder, missing, not allowed.
 */
export async function readTextFile(path: string): Promise<string> {
  const st = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(
      err.code === 'ENOENT'
        ? `${path}: no such file`
        : err.code === 'EACCES'
          ? `${path}: not allowed to read it`
          : `${path}: cannot read (${err.code ?? err.message})`,
    );
  });
  if (st.isDirectory()) throw new UserError(`${path} is a folder, not a file`);
  if (!st.isFile()) throw new UserError(`${path} is not a regular file`);
  try {
    return await readUtf8(path);
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readUtf8(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // Directory fsync makes the rename itself durable; not every platform allows opening a dir.
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, constants.O_RDONLY);
    await fh.sync();
  } catch {
    /* best effort: Windows cannot open directories */
  } finally {
    await fh?.close();
  }
}

let tmpCounter = 0;

// Temp files of atomic writes: `.<name>.<host>-<pid>.<time>.<n>.tmp` beside their target. The host
// tag (8 hex of the host name's sha256) and pid say whose they are, so a temp file a killed
// process left behind can be told from one being written right now, here or on a synced machine.
export const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const TEMP_NAME = /^\.(.+)\.(?:([0-9a-f]{8})-)?(\d+)\.(\d+)\.(\d+)\.tmp$/;
/** A temp file of another machine is stale after this long (its writer cannot be asked). */
const FOREIGN_TEMP_MS = 60 * 60 * 1000;

/** Whether a file name is one of our temp files. */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** Whether process `pid` of this machine is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the writer of a temporary file or folder at `path`, named with its machine's tag and
 * pid, is gone: a process of this machine that is not running, or (another machine's, which
 * cannot be asked) a file untouched for an hour. No tag: an older name, of this machine.
 */
export async function writerGone(path: string, host: string | undefined, pid: number): Promise<boolean> {
  if (host === undefined || host === HOST_TAG) return pid !== process.pid && !processAlive(pid);
  const st = await stat(path).catch(() => null);
  return !!st && Date.now() - st.mtimeMs > FOREIGN_TEMP_MS;
}

/**
 * Whether the temp file at `path` outlived its writer: a process of this machine that is gone,
 * or (another machine's) untouched for an hour.
 */
export async function isStaleTemp(path: string): Promise<boolean> {
  const m = TEMP_NAME.exec(basename(path));
  if (!m) return false;
  const [, , host, pid] = m;
  return writerGone(path, host, Number(pid));
}

/** Removes the temp files in `dir` whose writers are gone; returns their names. */
export async function sweepStaleTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const n of names) {
    if (!TEMP_NAME.test(n)) continue;
    const p = join(dir, n);
    if (await isStaleTemp(p)) {
      await rm(p, { force: true });
      removed.push(n);
    }
  }
  return removed;
}

/** Temp files this process is writing, removed if it exits before renaming them. */
const liveTemps = new Set<string>();
let exitHook = false;
/** Folders swept once by this process before its first atomic write there. */
const swept = new Set<string>();

/**
 * Writes a whole file atomically: temp file in the same folder, fsync, rename, fsync folder. A
 * temp file never outlives its writer: removed on failure and at process exit, and a killed
 * writer's is swept by the next atomic write into that folder (or the next open of the project).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const key = resolve(dir);
  if (!swept.has(key)) {
    swept.add(key);
    await sweepStaleTemps(dir);
  }
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const t of liveTemps) {
        try {
          unlinkSync(t);
        } catch {
          /* already renamed or removed */
        }
      }
    });
  }
  const tmp = join(dir, `.${basename(path)}.${HOST_TAG}-${process.pid}.${Date.now()}.${tmpCounter++}.tmp`);
  liveTemps.add(tmp);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  } finally {
    liveTemps.delete(tmp);
  }
  await fsyncDir(dir);
}

/** Appends text and fsyncs before resolving. */
export async function appendDurable(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const fh = await open(path, 'a');
  try {
    await fh.appendFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * One writer per append-only file. Appends are serialised through a single queue and fsynced
 * before their promise resolves; appends that arrive while a write is in flight are committed
 * together in the next write (group commit), so a burst of keypresses costs one fsync.
 */
export class AppendQueue {
  private pending: Op[] = [];
  private running = false;
  private fh: FileHandle | null = null;
  /** Set when the file's last byte is not a newline, so the next line starts on its own. */
  private needsNewline: boolean | null = null;
  /** Called with the byte size after each durable write, so a watcher can skip our own lines. */
  onWritten?: (size: number) => void;
  /** Called when the file was found replaced or removed by another program (and reopened). */
  onReplaced?: () => void;

  constructor(readonly path: string) {}

  append(text: string | Uint8Array): Promise<void> {
    return this.enqueue({ kind: 'append', text }) as Promise<void>;
  }

  /** Resolves once everything queued before it is on disk. */
  flush(): Promise<void> {
    return this.enqueue({ kind: 'append', text: '' }) as Promise<void>;
  }

  /**
   * Runs `fn` with no write in flight and the file closed, for whole-file rewrites (forgetting
   * an item); appends queued meanwhile wait and then go to the rewritten file.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.enqueue({ kind: 'exclusive', fn }) as Promise<T>;
  }

  private enqueue(op: OpInput): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ...op, resolve, reject } as Op);
      if (!this.running) void this.drain();
    });
  }

  private async ensureOpen(): Promise<FileHandle> {
    if (this.fh) return this.fh;
    await mkdir(dirname(this.path), { recursive: true });
    const fh = await open(this.path, 'a+');
    if (this.needsNewline === null) {
      const { size } = await fh.stat();
      if (size === 0) this.needsNewline = false;
      else {
        const buf = Buffer.alloc(1);
        await fh.read(buf, 0, 1, size - 1);
        this.needsNewline = buf[0] !== 0x0a;
      }
    }
    this.fh = fh;
    return fh;
  }

  /**
   * The open file and its size, reopened when the path no longer leads to it: a sync tool (or
   * `git checkout`) that renames a new copy over the file, or removes it, would otherwise get our
   * next lines written to the old, deleted file, reported saved and gone.
   */
  private async openCurrent(): Promise<{ fh: FileHandle; size: number }> {
    if (this.fh) {
      const [held, now] = await Promise.all([this.fh.stat(), stat(this.path).catch(() => null)]);
      if (now !== null && now.ino === held.ino && now.dev === held.dev)
        return { fh: this.fh, size: held.size };
      await this.close();
      this.needsNewline = null;
      this.onReplaced?.();
    }
    const fh = await this.ensureOpen();
    return { fh, size: (await fh.stat()).size };
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.pending.length > 0) {
      const head = this.pending[0];
      if (head.kind === 'exclusive') {
        this.pending.shift();
        try {
          await this.close();
          this.needsNewline = null;
          head.resolve(await head.fn());
        } catch (err) {
          head.reject(err);
        }
        continue;
      }
      const batch: AppendOp[] = [];
      while (this.pending.length > 0 && this.pending[0].kind === 'append')
        batch.push(this.pending.shift() as AppendOp);
      let fh: FileHandle | null = null;
      let before = -1;
      try {
        let bytes = joinBytes(batch.map((b) => b.text));
        if (bytes.length > 0) {
          ({ fh, size: before } = await this.openCurrent());
          if (this.needsNewline) bytes = Buffer.concat([NEWLINE, bytes]);
          await fh.appendFile(bytes);
          await fh.sync();
          this.needsNewline = bytes[bytes.length - 1] !== 10;
          if (this.onWritten) this.onWritten((await fh.stat()).size);
        }
        for (const b of batch) b.resolve(undefined);
      } catch (err) {
        // A failed write (a full disk) may have left part of a line: it is cut off again, so it
        // never stays as a broken line in the middle of the log once writes work again. Reopened,
        // the next write checks the file's end afresh.
        if (fh && before >= 0) await fh.truncate(before).catch(() => undefined);
        await this.close();
        this.needsNewline = null;
        for (const b of batch) b.reject(err);
      }
    }
    this.running = false;
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    await fh?.close().catch(() => undefined);
  }
}

const NEWLINE = Buffer.from('\n');

/** Texts and bytes to append, as one buffer of UTF-8. */
function joinBytes(parts: (string | Uint8Array)[]): Buffer {
  if (parts.length === 1) {
    const p = parts[0];
    return typeof p === 'string' ? Buffer.from(p) : Buffer.from(p.buffer, p.byteOffset, p.byteLength);
  }
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

type OpInput =
  { kind: 'append'; text: string | Uint8Array } | { kind: 'exclusive'; fn: () => Promise<unknown> };
type Settle = { resolve: (v: unknown) => void; reject: (e: unknown) => void };
type AppendOp = { kind: 'append'; text: string | Uint8Array } & Settle;
type Op = AppendOp | ({ kind: 'exclusive'; fn: () => Promise<unknown> } & Settle);
