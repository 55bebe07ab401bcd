// Exposes exactly `window.api` (WindowApi of shared/api.ts) and nothing else: one async function
// per channel of the contract, event subscription, and image URLs. The page never gets
// ipcRenderer, an IPC event object or any Electron/Node object, only plain data and the
// functions below (contextBridge copies values across worlds).
//
// The channel list comes from shared/channels.ts, the zod-free half of the contract, so this
// sandboxed preload stays a few kilobytes with no npm module in it; `buildApiObject` is what
// shared/api.ts's `buildApi` wraps, and shared/api.ts checks at compile time that both name the
// same channels. Arguments are validated in main, where it counts.
import { contextBridge, ipcRenderer } from 'electron';
import type { Api, ApiEvents, WindowApi } from '../../shared/api';
import { buildApiObject, EVENT_NAMES } from '../../shared/channels';
import { electronMediaUrl } from '../../shared/mediaUrl';
import { unwrapReply } from '../../shared/reply';

/** Same name as EVENT_CHANNEL in electron/main/ipc.ts (not imported: that module needs main). */
const EVENT_CHANNEL = 'api:event';

const api = buildApiObject(async (channel, args) =>
  unwrapReply(await ipcRenderer.invoke(channel, args), channel),
) as unknown as Api;

// One IPC listener for every subscription (the page may subscribe many times; each would
// otherwise add an ipcRenderer listener and trip Node's max-listeners warning).
type Callback = (payload: unknown) => void;
const subscribers = new Map<string, Set<Callback>>();
ipcRenderer.on(EVENT_CHANNEL, (_event, message: { event?: unknown; payload?: unknown }) => {
  const set = typeof message?.event === 'string' ? subscribers.get(message.event) : undefined;
  // A copy, so a callback that unsubscribes does not disturb this loop.
  for (const cb of [...(set ?? [])]) {
    try {
      cb(message.payload);
    } catch (err) {
      console.error(`window.api.on('${String(message.event)}') listener failed:`, err);
    }
  }
});

function on<E extends keyof ApiEvents>(event: E, cb: (payload: ApiEvents[E]) => void): () => void {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event "${event}"`);
  if (typeof cb !== 'function') throw new Error('window.api.on needs a callback function');
  const set = subscribers.get(event) ?? new Set<Callback>();
  subscribers.set(event, set);
  const callback = cb as Callback;
  set.add(callback);
  return () => {
    set.delete(callback);
  };
}

const windowApi: WindowApi = { ...api, on, mediaUrl: electronMediaUrl };

contextBridge.exposeInMainWorld('api', windowApi);
