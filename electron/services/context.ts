// The small context every handler module works over (as Actual's loot-core handlers do): the
// user's settings, the session with its open project, this app's annotator and lead flag, and
// two ways to tell the rest of the app that something changed. Handlers never hold state of
// their own beyond caches they drop on `invalidate`.
import type { ApiEvents } from '../../shared/api';
import { roleOf, type Role } from '../../shared/project';
import { UserError } from './errors';
import type { Project } from './project';
import type { SaveTargets } from './saveTargets';
import type { Session } from './session';
import type { SettingsStore } from './settings';

export interface Platform {
  mode: 'electron' | 'browser';
  version: string;
  settingsPath: string;
  /** The demo project shipped with the app, and where its writable copy lives. */
  demoSource: string;
  demoTarget: string;
  chooseFolder?(): Promise<string | null>;
  chooseFile?(title: string, extensions: string[]): Promise<string | null>;
  chooseSaveFile?(title: string, defaultName: string): Promise<string | null>;
  /** Browser mode: where exports and reports go (default: the project's exports/ folder). */
  exportsDir?: string;
  /** Browser mode: a folder files may be read from besides the project folder. */
  importsDir?: string;
}

export type Emit = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void;

export interface Context {
  readonly platform: Platform;
  readonly settings: SettingsStore;
  readonly session: Session;
  /** Electron's save dialogs: paths main chose, behind the handles the page holds. */
  readonly targets: SaveTargets;
  /** Pushes an event to the renderer (sync from other machines, progress, …). */
  readonly emit: Emit;
  /** Items or labels changed behind the handlers' backs (import, forget, sync): drop caches. */
  invalidate(): void;
  /** Registers a cache to drop on `invalidate`. */
  onInvalidate(drop: () => void): void;
}

export function requireProject(ctx: Context): Project {
  const p = ctx.session.project;
  if (!p) throw new UserError('no project is open');
  return p;
}

/** This app's annotator profile, or null until one is chosen. */
export function currentAnnotator(ctx: Context): string | null {
  return ctx.settings.get().currentAnnotator;
}

export function requireAnnotator(ctx: Context): string {
  const a = currentAnnotator(ctx);
  if (!a) throw new UserError('choose an annotator profile first');
  return a;
}

/** This profile's role in the open project (null without a profile). */
export function currentRole(ctx: Context): Role | null {
  const a = currentAnnotator(ctx);
  const p = ctx.session.project;
  return a && p ? roleOf(p.config, a) : null;
}

/**
 * What only a lead may see (colleagues' labels, the team's figures, gold, provenance): annotators
 * label blind. Whether a lead is in lead mode does not matter for reading.
 */
export function requireLeadRole(ctx: Context, what: string): void {
  requireProject(ctx);
  if (currentRole(ctx) !== 'lead')
    throw new UserError(`only a lead of this project can ${what}: annotators see only their own labels`);
}

/** What only a lead in lead mode may write: the session holds the project's lead lock. */
export function requireLead(ctx: Context, what: string): void {
  requireLeadRole(ctx, what);
  if (!ctx.session.lead) throw new UserError(`turn on lead mode to ${what}`);
}

/** Who a lead action is recorded as. */
export function leadName(ctx: Context): string {
  return currentAnnotator(ctx) ?? 'lead';
}
