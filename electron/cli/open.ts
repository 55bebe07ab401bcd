// Opening a project from the CLI: as the app does, with its notices on stderr, and as the lead
// under the lead lock (for the commands that write what only a lead writes).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finishForgetting } from '../services/forget';
import { AnnotatorLock } from '../services/locks';
import { projectPaths } from '../services/paths';
import { Project } from '../services/project';

const SHOWN_WARNINGS = 20;

/**
 * Opens a project the way the app does (Project.open: the same item lists, the same image scan)
 * and prints what the app would show: item-list warnings and bad lines, on stderr.
 */
export async function openForCli(dir: string, lead = false): Promise<Project> {
  const p = await Project.open(dir, { lead });
  const notices = [...p.warnings, ...p.problems()];
  for (const w of notices.slice(0, SHOWN_WARNINGS)) process.stderr.write(`warning: ${w}\n`);
  if (notices.length > SHOWN_WARNINGS)
    process.stderr.write(`warning: … ${notices.length - SHOWN_WARNINGS} more\n`);
  return p;
}

/**
 * Runs `fn` as the project's lead: governance.jsonl and adjudications.jsonl are ours meanwhile.
 * The lock is taken before the project is opened, so a refused CLI touches nothing (not even a
 * torn last line of a log the lead's app is writing); forgets left unfinished are finished first.
 */
export async function asLead<T>(dir: string, fn: (p: Project) => Promise<T>): Promise<T> {
  const meta = projectPaths(resolve(dir)).meta;
  if (!existsSync(join(meta, 'project.json'))) await Project.open(dir); // says why it is not a project
  const lock = await AnnotatorLock.acquireLead(meta, 'memejury CLI');
  let p: Project | null = null;
  try {
    p = await openForCli(dir, true);
    await finishForgetting(p, { asLead: true });
    return await fn(p);
  } finally {
    await p?.close();
    await lock.release();
  }
}
