// Image discovery. Folders of 100k+ images are walked with opendir, which streams entries
// instead of loading whole directory listings, and yields to the event loop between batches.
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.gif'] as const;

export function isImagePath(p: string): boolean {
  const lower = p.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/**
 * Relative paths ('/'-separated) of every image under `root`, at any depth. Hidden folders
 * (including .memejury) and symlinked folders are not followed.
 */
export async function scanImages(root: string, onProgress?: (found: number) => void): Promise<string[]> {
  const found: string[] = [];
  const stack: string[] = [''];
  let sinceYield = 0;
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    let dir;
    try {
      dir = await opendir(rel ? join(root, rel) : root, { bufferSize: 256 });
    } catch {
      continue; // unreadable folder: skip it, the rest of the project still opens
    }
    for await (const entry of dir) {
      if (entry.name.startsWith('.')) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) stack.push(path);
      } else if (entry.isFile() && isImagePath(entry.name)) {
        found.push(path);
        if (++sinceYield >= 5000) {
          sinceYield = 0;
          onProgress?.(found.length);
          await new Promise((r) => setImmediate(r));
        }
      }
    }
  }
  found.sort();
  onProgress?.(found.length);
  return found;
}
