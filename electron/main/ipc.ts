// The whole contract of shared/api.ts registered on ipcMain in one place. Every call is checked
// for its sender (our window, its top frame, showing our page) and its argument is validated by
// Backend.handle (zod, shared/api.ts) before any service runs. Results and errors travel as
// `{ ok, result | error }` so the renderer gets the user-facing message, not Electron's
// "Error invoking remote method …" wrapper with a stack.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type ApiEvents, type Channel } from '../../shared/api';
import { errorReply, okReply, type Reply } from '../../shared/reply';
import type { Backend } from '../services/backend';
import { userMessage } from '../services/errors';
import { isTrustedSender } from './security';

/** The one channel backend events and menu commands reach the renderer on (see the preload). */
export const EVENT_CHANNEL = 'api:event';

export interface IpcOptions {
  /** Called after a channel succeeded (e.g. to rebuild the Open Recent menu). */
  onHandled?(channel: Channel): void;
}

/** Sends an ApiEvent to the window, if it still exists. */
export function sendEvent<E extends keyof ApiEvents>(
  win: BrowserWindow | null,
  event: E,
  payload: ApiEvents[E],
): void {
  if (win && !win.isDestroyed() && !win.webContents.isDestroyed())
    win.webContents.send(EVENT_CHANNEL, { event, payload });
}

/**
 * Only our window's top frame, showing the app page, may call. `senderFrame` is null when the
 * frame navigated away or was destroyed before the call arrived: refuse then too.
 */
function trusted(event: IpcMainInvokeEvent, win: BrowserWindow | null, appUrl: string): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  try {
    const frame = event.senderFrame;
    return !!frame && frame.parent === null && isTrustedSender(frame.url, appUrl);
  } catch {
    return false; // a frame disposed while we looked at it
  }
}

export function registerApi(
  backend: Backend,
  getWindow: () => BrowserWindow | null,
  appUrl: string,
  options: IpcOptions = {},
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, args: unknown): Promise<Reply> => {
      if (!trusted(event, getWindow(), appUrl)) return errorReply('refused: unknown sender');
      try {
        const result = await backend.handle(channel, args);
        try {
          options.onHandled?.(channel);
        } catch (err) {
          console.error(`after ${channel}:`, err); // the call itself succeeded; say so
        }
        return okReply(result);
      } catch (err) {
        return errorReply(userMessage(err));
      }
    });
  }
  backend.onEvent((event, payload) => sendEvent(getWindow(), event, payload));
}
