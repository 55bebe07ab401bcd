// The one walk over a project folder and the one reading of its data files. The image scan,
// forgetting (which rewrites every file that mentions an item) and the audit (which proves none
// does any more) all see the project through these, so none of them can miss a place another
// one looks at. Folders of 100k+ images are walked with opendir, which streams entries instead of
// loading whole listings, yielding to the event loop between batches.
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_MARKER } from '../../shared/interchange/hf';
import { looksLikeJsonArray } from '../../shared/jsonl';
import { META_DIR } from './paths';

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.gif'] as const;

export function isImagePath(p: string): boolean {
  const lower = p.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Never entered: other tools' folders, and per-machine lock files. */
const SKIP_DIRS = new Set(['node_modules', '.git']);
const LOCKS = `${META_DIR}/locks`;

export interface WalkOptions {
  /**
   * Enter hidden folders (.memejury and others). Forgetting and the audit must; the image scan
   * must not (nothing hidden is ever an item).
   */
  hidden: boolean;
  onProgress?: (visited: number) => void;
}

/**
 * Calls `visit` with the '/'-separated relative path of every regular file under `root`, at any
 * depth. Symlinked folders are not followed; unreadable folders are skipped (the rest of the
 * project still opens).
 */
async function walkProject(root: string, opts: WalkOptions, visit: (rel: string) => void): Promise<void> {
  const stack: string[] = [''];
  let visited = 0;
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    let dir;
    try {
      dir = await opendir(rel ? join(root, rel) : root, { bufferSize: 256 });
    } catch {
      continue;
    }
    // The image scan never enters an export folder of ours (its marker file says so): its
    // images are copies of memes, not memes. Forgetting and the audit enter it like any folder.
    const dirs: string[] = [];
    const files: string[] = [];
    let isExport = false;
    for await (const entry of dir) {
      if (!opts.hidden && entry.name === EXPORT_MARKER) isExport = true;
      if (!opts.hidden && entry.name.startsWith('.')) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && path !== LOCKS) dirs.push(path);
      } else if (entry.isFile()) files.push(path);
    }
    if (isExport) continue;
    for (const d of dirs) stack.push(d);
    for (const path of files) {
      visit(path);
      if (++visited % 5000 === 0) {
        opts.onProgress?.(visited);
        await new Promise((r) => setImmediate(r));
      }
    }
  }
}

/** Images (relative paths, sorted) outside hidden folders: the project's memes. */
export async function scanImages(root: string, onProgress?: (found: number) => void): Promise<string[]> {
  const found: string[] = [];
  await walkProject(root, { hidden: false, onProgress }, (rel) => {
    if (isImagePath(rel)) found.push(rel);
  });
  found.sort();
  onProgress?.(found.length);
  return found;
}

/** Every image anywhere in the project, hidden folders included (relative paths, sorted). */
export async function allImages(root: string): Promise<string[]> {
  const found: string[] = [];
  await walkProject(root, { hidden: true }, (rel) => {
    if (isImagePath(rel)) found.push(rel);
  });
  return found.sort();
}

// Temp files of atomic writes (fsx.ts) are data files too: a killed export or import leaves one
// holding whatever it was writing; so are saved agreement reports (.html as well as .json, .csv).
const DATA_FILE = /\.(jsonl|json|csv|corrupt|txt|tmp|html)$/i;

/**
 * Every data file of the project, hidden folders included (relative paths, sorted): item lists,
 * logs, torn lines kept aside, exports, sidecars, temp files of atomic writes. project.json is
 * not a data file: it is read and written whole through its schema.
 */
export async function dataFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  await walkProject(root, { hidden: true }, (rel) => {
    if (DATA_FILE.test(rel) && rel !== `${META_DIR}/project.json`) found.push(rel);
  });
  return found.sort();
}

const REF = /"(?:id|item)"\s*:\s*("(?:[^"\\]|\\.)*"|\d+)/g;

/** Item references in a line that is not valid JSON (a torn line kept in a .corrupt file). */
function refsInText(line: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of line.matchAll(REF)) {
    try {
      out.push(JSON.parse(m[1]) as string | number);
    } catch {
      /* an unfinished string: nothing to recognise */
    }
  }
  return out;
}

/** What a data file says, element by element or line by line, for recognising what it names. */
export type DataFileBody =
  { kind: 'array'; elements: unknown[] } | { kind: 'lines'; lines: { text: string; values: unknown[] }[] };

/**
 * Reads a data file's text: a JSON array file by element; otherwise line by line, where a line
 * says what its JSON says, or (not JSON) what its first CSV cell names (`{id}`, for sidecars)
 * and the "id"/"item" fields a torn line still shows.
 */
export function parseDataFile(text: string, csv: boolean): DataFileBody {
  if (looksLikeJsonArray(text)) {
    try {
      const arr = JSON.parse(text) as unknown;
      if (Array.isArray(arr)) return { kind: 'array', elements: arr };
    } catch {
      /* not a JSON array after all: read it as lines */
    }
  }
  const lines = text.split('\n').map((line) => {
    const values: unknown[] = [];
    if (line.trim() === '') return { text: line, values };
    try {
      values.push(JSON.parse(line));
    } catch {
      if (csv) {
        const cell = line.split(',')[0]?.replace(/^"|"$/g, '').trim();
        if (cell) values.push({ id: /^\d+$/.test(cell) ? Number(cell) : cell });
      }
      for (const ref of refsInText(line)) values.push({ id: ref });
    }
    return { text: line, values };
  });
  return { kind: 'lines', lines };
}

export const isCsvPath = (p: string): boolean => /\.csv$/i.test(p);
