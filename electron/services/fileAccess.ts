// How a handler turns what the page sent into a file to write or read (confine.ts holds the
// rules): Electron's dialogs in main behind opaque handles, browser mode's sanitised names under
// the exports folder, and reads confined to the project folder or the --imports folder.
import { join } from 'node:path';
import type { SaveTarget } from '../../shared/apiTypes';
import { checkWriteTarget, confinedReadPath, EXPORTS_DIR, PathError, safeFileName } from './confine';
import { requireProject, type Context } from './context';
import type { TargetPurpose } from './saveTargets';

export type SaveTo = { handle: string } | { name: string };

/** The check a write target passes (a file: checkWriteTarget; a folder export: its own). */
export type WriteCheck = (path: string, project: string) => Promise<string>;

/** Electron: a native save dialog in main; the page gets a handle. Null when cancelled. */
export async function chooseSaveTarget(
  ctx: Context,
  purpose: TargetPurpose,
  title: string,
  defaultName: string,
  check: WriteCheck = checkWriteTarget,
): Promise<SaveTarget | null> {
  const choose = ctx.platform.chooseSaveFile;
  if (!choose) throw new PathError(`browser mode saves into ${exportsFolder(ctx)}: give a file name instead`);
  const path = await choose(title, defaultName);
  if (!path) return null;
  // Checked now too, so the user hears at once that the place they chose is refused.
  await check(path, requireProject(ctx).paths.dir);
  return ctx.targets.issue(path, purpose);
}

/** Where browser-mode names are written: --exports, else the project's exports/ folder. */
export function exportsFolder(ctx: Context): string {
  return ctx.platform.exportsDir ?? join(requireProject(ctx).paths.dir, EXPORTS_DIR);
}

/** The checked absolute path a write goes to; `ext` is the format's fixed extension ('' for a folder). */
export async function saveTarget(
  ctx: Context,
  to: SaveTo,
  purpose: TargetPurpose,
  ext: string,
  check: WriteCheck = checkWriteTarget,
): Promise<string> {
  const project = requireProject(ctx).paths.dir;
  const path =
    'handle' in to
      ? ctx.targets.take(to.handle, purpose)
      : join(exportsFolder(ctx), safeFileName(to.name, ext));
  return check(path, project);
}

/**
 * The file a read channel reads: Electron always asks main's dialog (a path from the page is
 * refused); browser mode takes a path relative to the --imports folder or the project folder.
 * Null when the dialog was cancelled.
 */
export async function readSource(
  ctx: Context,
  file: string | undefined,
  title: string,
  extensions: string[],
): Promise<string | null> {
  const choose = ctx.platform.chooseFile;
  if (choose) {
    if (file !== undefined) throw new PathError('choose the file in the dialog; the page cannot name paths');
    return choose(title, extensions);
  }
  const roots = [ctx.platform.importsDir, requireProject(ctx).paths.dir].filter((r): r is string => !!r);
  if (file === undefined) throw new PathError(`give the file's path relative to ${roots.join(' or ')}`);
  return confinedReadPath(roots, file);
}
