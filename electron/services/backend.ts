// The backend behind `window.api`: one per window (Electron) or per server (browser mode). It
// builds the context (settings, session, events), joins the domain handlers and answers every
// channel of shared/api.ts after validating its argument. Transports (ipcMain in
// electron/main, HTTP in electron/server) only carry calls and replies.
import { parseArgs, type ApiEvents, type ArgsOf, type Channel, type ResultOf } from '../../shared/api';
import type { Context, Emit, Platform } from './context';
import { createHandlers, type Handlers } from './handlers';
import { SaveTargets } from './saveTargets';
import { keepYoungGenerationSmall } from './memory';
import { Session } from './session';
import { SettingsStore } from './settings';

export type { Platform } from './context';

type Listener = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void;

export class Backend {
  private readonly listeners = new Set<Listener>();
  private readonly handlers: Handlers;
  readonly session: Session;
  readonly context: Context;

  private constructor(
    readonly platform: Platform,
    readonly settings: SettingsStore,
  ) {
    const drops: (() => void)[] = [];
    const emit: Emit = (event, payload) => {
      for (const l of this.listeners) l(event, payload);
    };
    const invalidate = (): void => drops.forEach((drop) => drop());
    this.session = new Session((change) => {
      invalidate();
      emit('project:changed', {
        reason: change.tombstones.length
          ? 'forget'
          : change.roles
            ? 'roles'
            : change.rules
              ? 'rules'
              : change.guidelines && change.annotators.length === 0
                ? 'guidelines'
                : 'sync',
        annotators: change.annotators,
      });
    });
    this.context = {
      platform,
      settings,
      session: this.session,
      targets: new SaveTargets(),
      emit,
      invalidate,
      onInvalidate: (drop) => void drops.push(drop),
    };
    this.handlers = createHandlers(this.context);
  }

  static async create(platform: Platform): Promise<Backend> {
    keepYoungGenerationSmall();
    return new Backend(platform, await SettingsStore.open(platform.settingsPath));
  }

  /** Validates the argument and runs the channel. */
  async handle(channel: Channel, rawArgs: unknown): Promise<unknown> {
    const args = parseArgs(channel, rawArgs);
    return (this.handlers[channel] as (a: unknown) => Promise<unknown>)(args);
  }

  /** `handle` with the contract's types, for callers inside Node (CLI, tests). */
  call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
    return this.handle(channel, args) as Promise<ResultOf<C>>;
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    await this.session.close();
  }
}
