// The renderer's only door to the backend: `window.api`, provided by the Electron preload or,
// in browser mode, installed here as a client of the `memejury serve` HTTP API (same contract).
import { buildApi, EVENT_NAMES, type ApiEvents, type WindowApi } from '../../shared/api';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

function createBrowserApi(): WindowApi {
  const api = buildApi(async (channel, args) => {
    const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-memejury': '1' },
      body: args === undefined ? '' : JSON.stringify({ args }),
    });
    const body = (await res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}` }))) as {
      ok: boolean;
      result?: unknown;
      error?: string;
    };
    if (!body.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
    return body.result;
  });
  type Cb = (payload: unknown) => void;
  const listeners = new Map<string, Set<Cb>>();
  let source: EventSource | null = null;
  const connect = (): void => {
    if (source) return;
    source = new EventSource('/events');
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
    mediaUrl: (rel) => '/media/' + rel.split('/').map(encodeURIComponent).join('/'),
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

export function onEvent<E extends keyof ApiEvents>(event: E, cb: (p: ApiEvents[E]) => void): () => void {
  return api().on(event, cb);
}

export function mediaUrl(rel: string): string {
  return api().mediaUrl(rel);
}
