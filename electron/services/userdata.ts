// The per-user folder (settings, the demo's writable copy, the log files): one folder for the
// desktop app and browser mode alike. Electron main sets its userData to userDataDir(), so the
// name and the per-OS location are decided here only. MEMEJURY_USER_DATA overrides it (tests,
// portable installs).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The folder's name: the product name, as Electron would name it by default. */
export const USER_DATA_NAME = 'Meme Jury';

export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.MEMEJURY_USER_DATA) return resolve(env.MEMEJURY_USER_DATA);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), USER_DATA_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', USER_DATA_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), USER_DATA_NAME);
}

/** Which process writes a log file: the desktop app's main process, or browser mode (serve). */
export type LogName = 'main' | 'serve';

/** `<user data>/logs/<name>.log`: where the app and browser mode keep their log (README). */
export function logFile(dir: string, name: LogName): string {
  return join(dir, 'logs', `${name}.log`);
}

/** A log file is rotated to `<name>.old.log` past this size (electron-log's maxSize). */
export const LOG_MAX_BYTES = 1024 * 1024;
