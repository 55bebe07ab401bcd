// Imports that did not finish. An FGHM import writes several files (an item list, project.json,
// one log per annotator slot), so it cannot be atomic as a whole: it is recorded before its first
// write and the record removed after its last, and a project with a record left says so at open.
// Importing the same file again finishes it (nothing is added twice) and removes the record.
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readTextIfExists, writeFileAtomic } from './fsx';
import type { ProjectPaths } from './paths';

const FOLDER = 'imports-pending';

interface PendingImport {
  file: string;
  sha256: string;
  started: string;
}

const folder = (paths: ProjectPaths): string => join(paths.meta, FOLDER);

/** Where the record of an import of this content lives. */
export function importRecord(paths: ProjectPaths, text: string): string {
  return recordOf(paths, createHash('sha256').update(text).digest('hex'));
}

function recordOf(paths: ProjectPaths, sha256: string): string {
  return join(folder(paths), `${sha256.slice(0, 16)}.json`);
}

/** Records an import about to write; returns what `importFinished` takes. */
export async function importStarted(paths: ProjectPaths, file: string, text: string): Promise<string> {
  // Hashed once: the record's name is made of the same hash.
  const sha256 = createHash('sha256').update(text).digest('hex');
  const record = recordOf(paths, sha256);
  const entry: PendingImport = { file: basename(file), sha256, started: new Date().toISOString() };
  await writeFileAtomic(record, JSON.stringify(entry) + '\n');
  return record;
}

export async function importFinished(record: string): Promise<void> {
  await rm(record, { force: true });
}

/** One warning per import that was cut short, for the project's open. */
export async function unfinishedImports(paths: ProjectPaths): Promise<string[]> {
  const names = await readdir(folder(paths)).catch(() => [] as string[]);
  const out: string[] = [];
  for (const n of names.filter((x) => x.endsWith('.json')).sort()) {
    let e: Partial<PendingImport> = {};
    try {
      e = JSON.parse((await readTextIfExists(join(folder(paths), n))) ?? '{}') as Partial<PendingImport>;
    } catch {
      /* a record cut short itself: still an unfinished import */
    }
    out.push(
      `the import of ${e.file ?? 'an FGHM file'}${e.started ? ` started ${e.started.slice(0, 19).replace('T', ' ')}` : ''} did not finish: some items may lack their labels; import the same file again to finish it (nothing is added twice)`,
    );
  }
  return out;
}
