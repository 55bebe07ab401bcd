// The whole contract of shared/api.ts registered on ipcMain in one place. Every call is checked
// for its sender (our window, our page) and its argument is validated by Backend.handle before
// any service runs. Errors reach the renderer as plain messages, never stacks.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/api';
import { userMessage, type Backend } from '../services/backend';
import { isTrustedSender } from '../services/security';

export const EVENT_CHANNEL = 'api:event';

export function registerApi(backend: Backend, window: () => BrowserWindow | null, appUrl: string): void {
  const trusted = (e: IpcMainInvokeEvent): boolean => {
    const win = window();
    return !!win && e.sender === win.webContents && isTrustedSender(e.senderFrame?.url, appUrl);
  };
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!trusted(event)) return { ok: false, error: 'refused: unknown sender' };
      try {
        return { ok: true, result: (await backend.handle(channel, args)) ?? null };
      } catch (err) {
        return { ok: false, error: userMessage(err) };
      }
    });
  }
  backend.onEvent((event, payload) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, { event, payload });
  });
}
