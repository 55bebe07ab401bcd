// The log file of the desktop app (main process) and of browser mode: <user data>/logs/<name>.log,
// written by electron-log. Its Node flavour serves both: in Electron main it needs no IPC (the
// sandboxed renderer does not log through it), and the CLI loads it only for `serve`.
import log from 'electron-log/node';
import { LOG_MAX_BYTES, logFile, USER_DATA_NAME, type LogName } from './userdata';

export type Log = typeof log;

/**
 * Starts logging to `<userData>/logs/<name>.log`. With `echo`, lines also reach the terminal
 * (main process); browser mode prints its own lines and keeps the file only.
 */
export function startLog(userData: string, name: LogName, echo: boolean): Log {
  const file = logFile(userData, name);
  // Named here: electron-log would otherwise look for a package.json, which the CLI beside an
  // installed app does not have.
  log.transports.file.setAppName(USER_DATA_NAME);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  if (!echo) log.transports.console.level = false;
  return log;
}
