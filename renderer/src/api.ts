// The renderer's only door to the backend: `window.api`, provided by the Electron preload or,
// in browser mode, installed here as a client of the `memejury serve` HTTP API (same contract).
import {
  buildApi,
  EVENT_NAMES,
  type ApiEvents,
  type ArgsOf,
  type Channel,
  type ResultOf,
  type WindowApi,
} from '../../shared/api';
import {
  API_HEADER,
  apiUrl,
  EVENTS_PATH,
  PAGE_TOKEN_STORAGE,
  SESSION_FRAGMENT,
  withPageToken,
} from '../../shared/httpApi';
import { browserMediaUrl } from '../../shared/mediaUrl';
import { errorReply, unwrapReply } from '../../shared/reply';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

/**
 * Browser mode's page token (shared/httpApi.ts): it arrives once in the URL fragment after the
 * printed address was opened, is kept in this origin's localStorage (never a cookie, so never
 * sent to another server) and leaves the address bar.
 */
function pageToken(): string {
  const m = new RegExp(`(?:^#|&)${SESSION_FRAGMENT}=([A-Za-z0-9_-]+)`).exec(window.location.hash);
  if (m) {
    try {
      window.localStorage.setItem(PAGE_TOKEN_STORAGE, m[1]);
    } catch {
      /* storage disabled: the token lives as long as this page */
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return m[1];
  }
  try {
    return window.localStorage.getItem(PAGE_TOKEN_STORAGE) ?? '';
  } catch {
    return '';
  }
}

function createBrowserApi(): WindowApi {
  const token = pageToken();
  const api = buildApi(async (channel, args) => {
    const res = await fetch(apiUrl(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [API_HEADER]: token },
      body: args === undefined ? '' : JSON.stringify({ args }),
    });
    const reply: unknown = await res.json().catch(() => errorReply(`HTTP ${res.status}`));
    return unwrapReply(reply, `HTTP ${res.status}: ${channel}`);
  });
  type Cb = (payload: unknown) => void;
  const listeners = new Map<string, Set<Cb>>();
  let source: EventSource | null = null;
  const connect = (): void => {
    if (source) return;
    source = new EventSource(withPageToken(EVENTS_PATH, token));
    source.onmessage = (m) => {
      const { event, payload } = JSON.parse(m.data as string) as { event: string; payload: unknown };
      for (const cb of listeners.get(event) ?? []) cb(payload);
    };
  };
  return {
    ...api,
    on(event, cb) {
      if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event ${event}`);
      connect();
      const set = listeners.get(event) ?? new Set<Cb>();
      set.add(cb as Cb);
      listeners.set(event, set);
      return () => set.delete(cb as Cb);
    },
    mediaUrl: (rel) => withPageToken(browserMediaUrl(rel), token),
  };
}

/** Called once at start-up: in browser mode there is no preload, so install the HTTP client. */
export function installBrowserApi(): void {
  if (!window.api) window.api = createBrowserApi();
}

export function api(): WindowApi {
  if (!window.api) throw new Error('window.api is missing');
  return window.api;
}

type AnyMethod = (args?: unknown) => Promise<unknown>;

/** One channel of the contract by name: `call('review:item', { id })` is `api().review.item({ id })`. */
export function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const [domain, verb] = channel.split(':');
  const domains = api() as unknown as Record<string, Record<string, AnyMethod> | undefined>;
  const method = domains[domain]?.[verb];
  if (!method) return Promise.reject(new Error(`window.api has no ${channel}`));
  return method(args) as Promise<ResultOf<C>>;
}

export function onEvent<E extends keyof ApiEvents>(event: E, cb: (p: ApiEvents[E]) => void): () => void {
  return api().on(event, cb);
}

export function mediaUrl(rel: string): string {
  return api().mediaUrl(rel);
}

/**
 * What a call that never reached the server says (browser mode): `fetch` rejects with a bare
 * TypeError whose words differ by browser ("Failed to fetch" in Chromium, "NetworkError when
 * attempting to fetch resource." in Firefox, "Load failed" in Safari). A restarted server prints
 * a new address (a new token), so the page cannot simply try again.
 */
export const SERVER_GONE =
  'The Meme Jury server is not answering: it may have stopped. Start it again (memejury serve) and open the address it prints; what was saved before is on disk.';

const NETWORK_FAILURE = /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/;

/** The user-facing message of anything a call rejected with. */
export function messageOf(e: unknown): string {
  if (e instanceof TypeError && NETWORK_FAILURE.test(e.message)) return SERVER_GONE;
  return e instanceof Error ? e.message : String(e);
}
