// Reading the append-only logs (annotations/<annotator>.jsonl, adjudications.jsonl,
// governance.jsonl), and the bytes of annotation lines to append. Reads are by byte offset so a
// watcher can pick up only what was appended.
import { open, truncate } from 'node:fs/promises';
import { eachJsonl, splitTornTail, type LineError } from '../../shared/jsonl';
import { annotationLine, plainTail } from '../../shared/annotationLine';
import type { AnnotationEvent, Check } from '../../shared/records';
import { appendDurable } from './fsx';

export interface LogChunk {
  errors: LineError[];
  /** Byte offset just after the last complete line read. */
  end: number;
  /** Number of complete lines up to `end` (for line numbers of the next chunk). */
  lines: number;
  /** Bytes after the last newline: a line still being written, or torn by a crash. */
  tail: string;
}

/** A whole log's bytes (none when it does not exist), to be read ahead of its turn (`openLog`). */
export function readLogBytes(path: string): Promise<Buffer> {
  const bytes = readBytesFrom(path, 0);
  // Taken later, or never when the open stops first: its failure is the taker's to report.
  bytes.catch(() => undefined);
  return bytes;
}

async function readBytesFrom(path: string, offset: number): Promise<Buffer> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw err;
  }
  try {
    const { size } = await fh.stat();
    if (size <= offset) return Buffer.alloc(0);
    const buf = Buffer.alloc(size - offset);
    let read = 0;
    while (read < buf.length) {
      const r = await fh.read(buf, read, buf.length - read, offset + read);
      if (r.bytesRead === 0) break;
      read += r.bytesRead;
    }
    return buf.subarray(0, read);
  } finally {
    await fh.close();
  }
}

/**
 * Reads complete lines from `offset` on, handing each valid record to `onRecord` as it goes.
 * `firstLine` is the number of lines before `offset`, so messages carry the line number of the
 * whole file; `label` names the file in messages.
 */
export async function readLogFrom<T>(
  path: string,
  label: string,
  check: (raw: unknown) => Check<T>,
  onRecord: (value: T, line: number) => void,
  offset = 0,
  firstLine = 0,
  bytes?: Promise<Buffer>,
): Promise<LogChunk> {
  const buf = await (bytes ?? readBytesFrom(path, offset));
  const lastNl = buf.lastIndexOf(0x0a);
  const complete = lastNl >= 0 ? buf.subarray(0, lastNl + 1).toString('utf8') : '';
  const tail = buf.subarray(lastNl + 1).toString('utf8');
  const errors: LineError[] = [];
  const lines = eachJsonl(complete, label, check, onRecord, (e) => errors.push(e), firstLine);
  return { errors, end: offset + lastNl + 1, lines: firstLine + lines, tail };
}

export interface OpenedLog extends LogChunk {
  /** Set when a torn last line was cut off and kept aside. */
  repaired: { savedTo: string; bytes: number; line: number } | null;
}

/**
 * Reads a whole log. With `repair` (only for a file this process writes), a torn last line (no
 * newline, not valid JSON) is appended to `<file>.corrupt` and cut off the log; a complete last
 * line that only lacks its newline is kept. Files of other writers are never modified: their
 * unfinished tail is left for the next read (it may still be arriving through a sync tool).
 * `bytes` are the file's bytes when they were read ahead (`readLogBytes`).
 */
export async function openLog<T>(
  path: string,
  label: string,
  check: (raw: unknown) => Check<T>,
  onRecord: (value: T, line: number) => void,
  repair: boolean,
  bytes?: Promise<Buffer>,
): Promise<OpenedLog> {
  const chunk = await readLogFrom(path, label, check, onRecord, 0, 0, bytes);
  let repaired: OpenedLog['repaired'] = null;
  if (chunk.tail.trim() !== '') {
    // The tail holds no newline, so it is the last line: torn, or whole and only unterminated.
    const { torn } = splitTornTail(chunk.tail);
    if (torn === '') {
      // The line is whole; only its newline is missing. Count it and let the writer add one.
      eachJsonl(chunk.tail, label, check, onRecord, (e) => chunk.errors.push(e), chunk.lines);
      chunk.end += Buffer.byteLength(chunk.tail);
      chunk.lines += 1;
      chunk.tail = '';
    } else if (repair) {
      const savedTo = `${path}.corrupt`;
      await appendDurable(savedTo, chunk.tail + '\n');
      await truncate(path, chunk.end);
      const fh = await open(path, 'r+');
      await fh.sync();
      await fh.close();
      repaired = { savedTo, bytes: Buffer.byteLength(chunk.tail), line: chunk.lines + 1 };
      chunk.tail = '';
    }
  }
  return { ...chunk, repaired };
}

/**
 * Cuts a torn last line (no newline, not valid JSON) off a log this process is about to append
 * to and keeps it in `<file>.corrupt`, as the log's own writer does at open (openLog). For
 * writers that hold the file's lock without replaying it (the importer, for slot files).
 */
export async function repairTornTail(path: string): Promise<number> {
  const buf = await readBytesFrom(path, 0);
  const lastNl = buf.lastIndexOf(0x0a);
  const tail = buf.subarray(lastNl + 1).toString('utf8');
  if (tail.trim() === '' || splitTornTail(tail).torn === '') return 0;
  await appendDurable(`${path}.corrupt`, tail + '\n');
  await truncate(path, lastNl + 1);
  const fh = await open(path, 'r+');
  await fh.sync();
  await fh.close();
  return Buffer.byteLength(tail);
}

/**
 * Lines gathered as UTF-8, each followed by a newline, in one growing buffer: no joined string of
 * them all (an export's or an item list's 100k lines: the join alone flattened megabytes of ropes).
 */
export class LineBytes {
  private buf: Buffer;
  private at = 0;

  /** Sized for the lines expected, so that it seldom grows (each growth copies it all). */
  constructor(expectedLines = 1024, bytesPerLine = 128) {
    this.buf = Buffer.allocUnsafe(expectedLines * bytesPerLine + 64);
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  /** A whole line; its newline is added. */
  add(line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; the newline 1.
    this.room(line.length * 3 + 1);
    const buf = this.buf;
    const at = this.at + buf.write(line, this.at);
    buf[at] = 10;
    this.at = at + 1;
  }

  /**
   * A line made of bytes, ASCII text and bytes again (a newline among the last ends it): one
   * room check and local copies, as an import writes 300k of them.
   */
  addJoined(head: Uint8Array, ascii: string, tail: Uint8Array): void {
    this.room(head.length + ascii.length + tail.length);
    const buf = this.buf;
    let at = this.at;
    buf.set(head, at);
    at += head.length;
    for (let k = 0; k < ascii.length; k++) buf[at++] = ascii.charCodeAt(k);
    buf.set(tail, at);
    this.at = at + tail.length;
  }

  /** The bytes so far (a view: add nothing more once taken). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}

const HEAD_BYTES = Buffer.from('{"v":1,"item":');

/**
 * The UTF-8 of checked annotation events' lines, each `annotationLine(ev)` and a newline. Lines
 * written together (an import's, 100k per annotator) are copied from remembered bytes of their
 * rest (`plainTail`), the item number written digit by digit: no string per line.
 */
export function annotationLinesBytes(events: readonly AnnotationEvent[]): Buffer {
  // An annotation line is about 150 bytes (more with a note).
  const out = new LineBytes(events.length, 160);
  for (const ev of events) {
    // A checked item number is a safe non-negative integer: its digits are ASCII.
    const tail = typeof ev.item === 'number' ? plainTail(ev) : undefined;
    if (tail === undefined) out.add(annotationLine(ev));
    else out.addJoined(HEAD_BYTES, String(ev.item), (tail.bytes ??= Buffer.from(tail.text + '\n')));
  }
  return out.bytes();
}

/** The UTF-8 of `count` lines, `lineAt(i)` each followed by a newline. */
export function linesBytes(count: number, lineAt: (i: number) => string): Buffer {
  const out = new LineBytes(count);
  for (let i = 0; i < count; i++) out.add(lineAt(i));
  return out.bytes();
}
