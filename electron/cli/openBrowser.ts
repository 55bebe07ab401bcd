// Opens an address in the user's browser, where there is one: `open` on macOS, the URL handler on
// Windows, xdg-open on a Linux desktop. A machine with no display (a server, CI) gets nothing
// opened, and the caller prints the address anyway.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

/** The command that opens `url` here, or null where no browser can be shown. */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  has: (cmd: string) => boolean = onPath,
): [string, string[]] | null {
  if (platform === 'darwin') return ['open', [url]];
  // rundll32 takes the address as one argument: no shell, so nothing in it is interpreted.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return has('xdg-open') ? ['xdg-open', [url]] : null;
}

/** Whether a browser was asked to open `url` (it opens on its own; nothing is awaited). */
export function openBrowser(url: string): boolean {
  const cmd = browserCommand(url);
  if (!cmd) return false;
  try {
    const child = spawn(cmd[0], cmd[1], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
