// Durable file primitives. Anything the UI reports as saved went through one of these, so it has
// been fsynced; whole-file rewrites go to a temp file that is fsynced and renamed over the target.
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
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

/** Writes a whole file atomically: temp file in the same folder, fsync, rename, fsync folder. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${tmpCounter++}.tmp`);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (err) {
    await fh.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
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

  constructor(readonly path: string) {}

  append(text: string): Promise<void> {
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
      try {
        let text = batch.map((b) => b.text).join('');
        if (text) {
          const fh = await this.ensureOpen();
          if (this.needsNewline) text = '\n' + text;
          await fh.appendFile(text);
          await fh.sync();
          this.needsNewline = !text.endsWith('\n');
          if (this.onWritten) this.onWritten((await fh.stat()).size);
        }
        for (const b of batch) b.resolve(undefined);
      } catch (err) {
        // A failed write may have left a partial line: reopen so the next write re-checks.
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

type OpInput = { kind: 'append'; text: string } | { kind: 'exclusive'; fn: () => Promise<unknown> };
type Settle = { resolve: (v: unknown) => void; reject: (e: unknown) => void };
type AppendOp = { kind: 'append'; text: string } & Settle;
type Op = AppendOp | ({ kind: 'exclusive'; fn: () => Promise<unknown> } & Settle);
