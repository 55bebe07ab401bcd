// Where files may be written and read on someone's behalf: the one home of the rules that keep
// the renderer (and a mistyped CLI option) from naming a project's own files as a write target.
//
// - A write target is never a project file: nothing under `.memejury/` (logs, tombstones,
//   project.json, locks), no item list (a top-level *.json / *.jsonl of a project folder), no
//   image, nothing hidden inside a project, not the project folder itself. This holds for the
//   open project and for any other project folder the path lands in, after symlinks.
// - Browser mode names files, never paths: a sanitised file name with the format's extension,
//   written under the project's `exports/` folder (or the folder `memejury serve --exports`
//   gave). Electron passes an opaque handle for a path a native dialog in main returned
//   (saveTargets.ts).
// - Browser mode reads files named relative to the project folder or the `--imports` folder,
//   never leaving them (symlinks followed), never inside `.memejury/` or another hidden folder.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { UserError } from './errors';
import { exists } from './fsx';
import { META_DIR } from './paths';
import { isImagePath } from './projectFiles';

export class PathError extends UserError {}

/** The folder of a project that browser-mode exports and reports go to by default. */
export const EXPORTS_DIR = 'exports';

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9 _.-]{0,78}[A-Za-z0-9_-])?$/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name the server accepts from the renderer: letters, digits, space, "_", "-", "." (not
 * first, not last, never ".."), at most 80 characters, no separator; the extension `ext` is
 * appended unless the name already ends with it. Throws a PathError saying what is wrong.
 */
export function safeFileName(name: string, ext: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new PathError('a file name has no control characters');
  const trimmed = name.trim();
  // ext '' (a folder): the name is the whole stem.
  const stem = ext !== '' && trimmed.toLowerCase().endsWith(ext) ? trimmed.slice(0, -ext.length) : trimmed;
  if (stem === '') throw new PathError('give a file name');
  if (/[/\\]/.test(stem)) throw new PathError(`"${printable(name)}": a file name, not a path`);
  if (!NAME.test(stem) || stem.includes('..'))
    throw new PathError(
      `"${printable(name)}": use letters, digits, spaces, "_", "-" and "." (not first or last), at most 80 characters`,
    );
  if (WINDOWS_RESERVED.test(stem.split('.')[0])) throw new PathError(`"${stem}" is a reserved file name`);
  // "x.manifest.json" is the manifest of export "x.jsonl": a report may not take its place.
  if (/\.manifest$/i.test(stem)) throw new PathError('names ending in ".manifest" are kept for manifests');
  return stem + ext;
}

/** A name as it may be shown in a message: no control characters, bounded. */
function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

/** `path` with symlinks resolved as far as it exists (the rest appended as spelled). */
async function realish(path: string): Promise<string> {
  const abs = resolve(path);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      const real = await realpath(cur);
      return rest.length ? join(real, ...rest.reverse()) : real;
    } catch {
      const up = dirname(cur);
      if (up === cur) return abs;
      rest.push(basename(cur));
      cur = up;
    }
  }
}

function inside(root: string, p: string): string | null {
  const rel = relative(root, p);
  if (rel === '') return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

/** The project folders `p` lies in: the nearest ancestor holding .memejury/project.json. */
async function enclosingProject(p: string): Promise<string | null> {
  let cur = dirname(p);
  for (;;) {
    if (await exists(join(cur, META_DIR, 'project.json'))) return cur;
    const up = dirname(cur);
    if (up === cur) return null;
    cur = up;
  }
}

/** Why `rel` (relative to a project folder) is a project file, or null. */
function projectFileReason(rel: string): string | null {
  if (rel === '') return 'it is the project folder itself';
  const parts = rel.split('/');
  if (parts[0] === META_DIR) return `${META_DIR}/ holds the project's logs, tombstones and settings`;
  if (parts.some((s) => s.startsWith('.'))) return 'hidden files and folders of a project are never written';
  if (parts.length === 1 && /\.(jsonl|json)$/i.test(rel))
    return 'a top-level .json/.jsonl file is an item list';
  if (isImagePath(rel)) return 'images of a project are never overwritten';
  return null;
}

/**
 * Checks that `target` may be written (created or replaced) and returns its absolute path with
 * symlinked folders resolved. Refuses project files of `project` and of any project folder the
 * target lies in, `.memejury` anywhere, and folders. Used by every writer that takes a path:
 * `export:run`, `stats:exportReport`, and the CLI's `export --out`.
 */
export async function checkWriteTarget(target: string, project?: string): Promise<string> {
  const real = await realish(target);
  if (real.split(sep).includes(META_DIR))
    throw new PathError(`${target}: never written by an export (${META_DIR}/ is the project's own data)`);
  const roots = new Set<string>();
  if (project) roots.add(await realish(project));
  const enclosing = await enclosingProject(real);
  if (enclosing) roots.add(await realish(enclosing));
  for (const root of roots) {
    const rel = inside(root, real);
    if (rel === null) continue;
    const why = projectFileReason(rel);
    if (why) throw new PathError(`${target}: not a place to write an export (${why})`);
  }
  const st = await lstat(real).catch(() => null);
  if (st?.isDirectory()) throw new PathError(`${target} is a folder; give a file name`);
  return real;
}

/**
 * The file `name` (relative, '/'-separated) inside one of `roots`: no absolute paths, no "..",
 * no hidden segment, no backslash or NUL; after following symlinks it must still be inside that
 * root, outside hidden folders, and a regular file. Messages name the path, never its content.
 */
export async function confinedReadPath(roots: readonly string[], name: string): Promise<string> {
  const shown = printable(name);
  if (name.length === 0 || name.length > 1024) throw new PathError('give a file name');
  if (name.includes('\0') || name.includes('\\')) throw new PathError(`"${shown}": not a file name`);
  if (
    name.startsWith('/') ||
    isAbsolute(name) ||
    /^[A-Za-z]:/.test(name) ||
    /^[a-z][a-z0-9+.-]*:/i.test(name)
  )
    throw new PathError(
      `"${shown}": give a path relative to the project folder${roots.length > 1 ? ' or the imports folder' : ''}`,
    );
  const parts = name.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === ''))
    throw new PathError(`"${shown}": a path may not leave its folder`);
  if (parts.some((p) => p.startsWith('.'))) throw new PathError(`"${shown}": hidden files are not read`);
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => null);
    if (!realRoot) continue;
    const real = await realpath(join(root, name)).catch(() => null);
    if (!real) continue;
    const rel = inside(realRoot, real);
    if (rel === null || rel === '') throw new PathError(`"${shown}" leads outside its folder`);
    if (rel.split('/').some((p) => p.startsWith('.')))
      throw new PathError(`"${shown}": hidden files are not read`);
    const st = await stat(real);
    if (st.isDirectory()) throw new PathError(`"${shown}" is a folder, not a file`);
    if (!st.isFile()) throw new PathError(`"${shown}" is not a regular file`);
    return real;
  }
  throw new PathError(`no file "${shown}" in ${roots.join(' or ')}`);
}

/** Folders no project is ever made in: the file-system root, the home folder, system folders. */
function isSystemFolder(abs: string): boolean {
  const { root } = parse(abs);
  if (abs === root) return true;
  if (abs === resolve(homedir())) return true;
  const top = abs.slice(root.length).split(sep)[0].toLowerCase();
  const SYSTEM = [
    'bin',
    'boot',
    'dev',
    'etc',
    'lib',
    'lib32',
    'lib64',
    'libx32',
    'proc',
    'run',
    'sbin',
    'sys',
    'usr',
    'var',
    'snap',
    'system',
    'library',
    'applications',
    'windows',
    'program files',
    'program files (x86)',
    'programdata',
  ];
  // Scratch space under system folders (macOS temp, /var/tmp, tmpfs) is the user's own.
  const SCRATCH = ['/var/folders/', '/private/var/folders/', '/var/tmp/', '/dev/shm/'];
  return SYSTEM.includes(top) && !SCRATCH.some((s) => abs.startsWith(s));
}

/** Top-level files a meme folder may hold besides images: data, notes, and hidden files. */
const MEME_FOLDER_FILE = /\.(jsonl|json|csv|tsv|txt|md)$/i;

/**
 * `project:open {create: true}` (the app's "Make it a project"): only a folder that looks like a
 * meme folder becomes a project. Refused: system folders, the home folder, the file-system root,
 * and folders whose top level holds other kinds of files (documents, programs). The CLI's
 * `memejury init` is the explicit way to make any other folder a project.
 */
export async function checkNewProjectFolder(dir: string): Promise<void> {
  const abs = await realish(dir);
  if (isSystemFolder(abs))
    throw new PathError(`${dir} is a system or home folder; a project needs a folder of its own`);
  let names: string[];
  try {
    names = (await readdir(abs, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    throw new PathError(`${dir} cannot be read as a folder`);
  }
  const other = names.filter((n) => !n.startsWith('.') && !isImagePath(n) && !MEME_FOLDER_FILE.test(n));
  if (other.length > 0)
    throw new PathError(
      `${dir} holds other files (${other.slice(0, 3).join(', ')}${other.length > 3 ? ', …' : ''}): not made a project from the app; use "memejury init" if it should be one`,
    );
}
