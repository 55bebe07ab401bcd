// Exposes exactly `window.api` (shared/api.ts WindowApi) and nothing else: one function per
// channel of the contract, event subscription, and image URLs. The page never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { Api, ApiEvents, WindowApi } from '../../shared/api';
import { buildApiObject, EVENT_NAMES } from '../../shared/channels';

const EVENT_CHANNEL = 'api:event';

const api = buildApiObject(async (channel, args) => {
  const r = (await ipcRenderer.invoke(channel, args)) as { ok: boolean; result?: unknown; error?: string };
  if (!r.ok) throw new Error(r.error ?? 'failed');
  return r.result;
}) as unknown as Api;

const windowApi: WindowApi = {
  ...api,
  on<E extends keyof ApiEvents>(event: E, cb: (payload: ApiEvents[E]) => void) {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${event}`);
    const listener = (_e: unknown, msg: { event: string; payload: ApiEvents[E] }): void => {
      if (msg.event === event) cb(msg.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
  mediaUrl: (rel) => 'media://project/' + rel.split('/').map(encodeURIComponent).join('/'),
};

contextBridge.exposeInMainWorld('api', windowApi);
