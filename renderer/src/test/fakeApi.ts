// A fake `window.api` for renderer unit tests: every call is recorded, and the test decides when
// (and how) each one is answered, so orderings that a real backend makes rare can be forced.
import { buildApi, type ApiEvents, type ArgsOf, type Channel, type ResultOf } from '../../../shared/api';

export interface FakeCall<C extends Channel = Channel> {
  channel: C;
  args: ArgsOf<C>;
  settled: boolean;
  resolve: (result: ResultOf<C>) => void;
  reject: (error: Error) => void;
}

type Answer<C extends Channel> = (args: ArgsOf<C>) => ResultOf<C>;

export class FakeBackend {
  readonly calls: FakeCall[] = [];
  private readonly answers = new Map<Channel, Answer<Channel>>();
  private readonly held = new Set<Channel>();
  private readonly listeners = new Map<keyof ApiEvents, Set<(payload: unknown) => void>>();

  /** Answers every call of `channel` at once with `fn(args)` (a throw rejects the call). */
  answer<C extends Channel>(channel: C, fn: Answer<C>): this {
    this.answers.set(channel, fn as Answer<Channel>);
    return this;
  }

  /** Calls of `channel` wait until the test settles them (`pending(channel)[i].resolve(...)`). */
  hold(channel: Channel): this {
    this.held.add(channel);
    return this;
  }

  /** Calls of `channel` are answered at once again. */
  release(channel: Channel): this {
    this.held.delete(channel);
    return this;
  }

  callsOf<C extends Channel>(channel: C): FakeCall<C>[] {
    return this.calls.filter((c) => c.channel === channel) as unknown as FakeCall<C>[];
  }

  pending<C extends Channel>(channel: C): FakeCall<C>[] {
    return this.callsOf(channel).filter((c) => !c.settled);
  }

  /** The channels called so far, in order. */
  get channels(): Channel[] {
    return this.calls.map((c) => c.channel);
  }

  listenerCount(event: keyof ApiEvents): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  emit<E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]): void {
    for (const cb of [...(this.listeners.get(event) ?? [])]) cb(payload);
  }

  private invoke(channel: Channel, args: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const call: FakeCall = {
        channel,
        args: args as ArgsOf<Channel>,
        settled: false,
        resolve: (r) => {
          call.settled = true;
          resolve(r);
        },
        reject: (e) => {
          call.settled = true;
          reject(e);
        },
      };
      this.calls.push(call);
      if (this.held.has(channel)) return;
      const answer = this.answers.get(channel);
      if (!answer) return call.reject(new Error(`fake backend: no answer for ${channel}`));
      try {
        call.resolve(answer(call.args));
      } catch (e) {
        call.reject(e as Error);
      }
    });
  }

  /** Installs this backend as `window.api`. */
  install(): this {
    window.api = {
      ...buildApi((channel, args) => this.invoke(channel, args)),
      on: (event, cb) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(cb as (payload: unknown) => void);
        this.listeners.set(event, set);
        return () => set.delete(cb as (payload: unknown) => void);
      },
      mediaUrl: (rel) => `/media/${rel}`,
    };
    return this;
  }
}

/**
 * A promise that can be awaited until the microtask queue (including chained .then) drains and a
 * frame has passed: the label session sends a save once the next meme is painted.
 */
export const flush = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
