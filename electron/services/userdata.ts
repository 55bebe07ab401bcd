// Where per-user settings live outside Electron (CLI, browser mode): the same folder Electron's
// app.getPath('userData') uses on Linux, or MEMEJURY_USER_DATA (tests, portable installs).
import { homedir } from 'node:os';
import { join } from 'node:path';

export function userDataDir(): string {
  if (process.env.MEMEJURY_USER_DATA) return process.env.MEMEJURY_USER_DATA;
  if (process.platform === 'win32' && process.env.APPDATA) return join(process.env.APPDATA, 'memejury');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'memejury');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'memejury');
}
