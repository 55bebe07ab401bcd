// The only way images reach the renderer: a path relative to the open project, resolved and
// checked to stay inside it (after following symlinks), with an image extension. Used by the
// Electron media:// protocol and by browser mode's /media/ route.
import { UserError } from './errors';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import { isImagePath } from './projectFiles';

export class MediaError extends UserError {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404,
  ) {
    super(message);
  }
}

/** Checks the shape of a project-relative image path before touching the disk. */
export function checkRelativeImagePath(rel: string): string {
  if (rel.length === 0 || rel.length > 4096) throw new MediaError('empty or overlong path', 400);
  if (rel.includes('\0')) throw new MediaError('NUL in path', 400);
  // Backslashes are separators on Windows; refuse them everywhere rather than guess.
  if (rel.includes('\\')) throw new MediaError('backslash in path', 400);
  if (rel.startsWith('/') || isAbsolute(rel) || /^[A-Za-z]:/.test(rel))
    throw new MediaError('absolute path', 403);
  // On Windows a colon elsewhere names an NTFS alternate data stream ("a:b.png" is stream b.png
  // of file a), never a real file name. Elsewhere it is an ordinary (if rare) name character.
  if (process.platform === 'win32' && rel.includes(':')) throw new MediaError('colon in path', 403);
  const parts = rel.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === ''))
    throw new MediaError('path leaves the project', 403);
  if (parts.some((p) => p.startsWith('.'))) throw new MediaError('hidden path', 403);
  if (!isImagePath(rel)) throw new MediaError('not an image', 403);
  return rel;
}

/**
 * Decodes a URL path (percent-encoding, once) into a project-relative path. Encoded separators
 * (%2F, %5C) and dot segments are checked after decoding.
 */
export function decodeMediaPath(urlPath: string): string {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.startsWith('/') ? urlPath.slice(1) : urlPath);
  } catch {
    throw new MediaError('bad percent-encoding', 400);
  }
  return checkRelativeImagePath(rel);
}

/** Absolute path of an image inside `root`, after following symlinks; throws MediaError. */
export async function resolveMediaPath(root: string, rel: string): Promise<string> {
  checkRelativeImagePath(rel);
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(join(root, rel));
  } catch {
    throw new MediaError('not found', 404);
  }
  if (!real.startsWith(realRoot + sep)) throw new MediaError('path leaves the project', 403);
  // A symlink may stay inside the project yet point into .memejury/ or .git/: the hidden-path
  // rule applies to where the path really leads, not only to how it was spelled.
  const inside = real.slice(realRoot.length + 1).split(sep);
  if (inside.some((p) => p.startsWith('.'))) throw new MediaError('hidden path', 403);
  if (!isImagePath(real)) throw new MediaError('not an image', 403);
  // Folders named like images, devices and FIFOs are not served; a file removed since realpath
  // is simply not found.
  const st = await stat(real).catch(() => null);
  if (!st?.isFile()) throw new MediaError('not a file', 404);
  return real;
}

const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

export function mediaType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.')).toLowerCase();
  return MEDIA_TYPES[ext] ?? 'application/octet-stream';
}
