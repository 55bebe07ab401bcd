// App lifecycle and the one window. All decisions live in electron/services (security rules,
// media path guard, the backend); this file only applies them to Electron.
import { app, BrowserWindow, dialog, session, shell, type OpenDialogOptions } from 'electron';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HEADER_CSP, DEV_CSP } from '../../shared/csp';
import { Backend, type Platform } from '../services/backend';
import { userMessage } from '../services/errors';
import { startLog } from '../services/log';
import { userDataDir } from '../services/userdata';
import {
  externalLinkPrompt,
  isAllowedNavigation,
  isAppUrl,
  secureWebPreferences,
  userDataEnv,
  type ExternalLinkPrompt,
} from './security';
import { registerApi, sendEvent } from './ipc';
import { handleMedia, registerMediaScheme } from './media';
import { installMenu } from './menu';

const here = import.meta.dirname; // out/main at run time
const isMac = process.platform === 'darwin';

// `electron-vite dev` serves the renderer with hot reload; a packaged app never listens to that
// variable, so nobody can point an installed app at another page.
const devUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const appUrl = devUrl ?? pathToFileURL(join(here, '../renderer/index.html')).href;

let win: BrowserWindow | null = null;
let backend: Backend | null = null;

// The user-data folder is browser mode's too (electron/services/userdata.ts: "Meme Jury" in the
// usual place per OS, or MEMEJURY_USER_DATA for tests, which a packaged app ignores). Must happen
// before anything reads userData, including the lock below.
app.setPath('userData', userDataDir(userDataEnv(process.env, app.isPackaged)));
// <user data>/logs/main.log: console output of this process is kept there too.
const log = startLog(app.getPath('userData'), 'main', true);
Object.assign(console, log.functions);
log.info(
  `Meme Jury ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform})`,
);

// One app per user: a second start would be a second writer of the same annotation files. It
// hands over to the first (which comes to the front) and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Both must happen before 'ready': scheme privileges and the sandbox are fixed at start-up.
  registerMediaScheme();
  app.enableSandbox();
  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_e, contents) => guardContents(contents));
  // macOS apps stay alive without windows (the Dock icon reopens one); elsewhere closing the
  // window is quitting.
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('activate', showWindow);
  app.on('before-quit', onBeforeQuit);
  app.whenReady().then(start).catch(fatal);
}

/** The shipped demo project: inside the installed resources, or the repository in development. */
function demoSource(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'demo')
    : // out/main → repository root. Not app.getAppPath(): that is out/main when Electron is
      // started with the script path instead of the folder.
      resolve(here, '../../electron/resources/demo');
}

/** The app icon for the window (Linux, Windows) and the About panel; macOS uses the bundle's. */
function iconPath(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'icon.png')
    : resolve(here, '../../electron/resources/icon/icon.png');
}

/** About (app menu on macOS, Help elsewhere): name, version, licence and where the log is. */
function setAbout(): void {
  app.setAboutPanelOptions({
    applicationName: 'Meme Jury',
    applicationVersion: app.getVersion(),
    copyright: 'Licensed under the Apache License 2.0',
    credits: `Label memes with the fine-grained hateful-memes taxonomy.\nLog file: ${log.transports.file.getFile().path}`,
    iconPath: iconPath(),
  });
}

function platform(): Platform {
  // Dialogs are modal to the window when there is one (there always is, except on macOS).
  const open = (o: OpenDialogOptions) => (win ? dialog.showOpenDialog(win, o) : dialog.showOpenDialog(o));
  return {
    mode: 'electron',
    version: app.getVersion(),
    settingsPath: join(app.getPath('userData'), 'settings.json'),
    demoSource: demoSource(),
    demoTarget: join(app.getPath('userData'), 'demo-project'),
    async chooseFolder() {
      const r = await open({
        title: 'Open project folder',
        properties: ['openDirectory', 'createDirectory'],
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseFile(title, extensions) {
      const r = await open({ title, properties: ['openFile'], filters: [{ name: title, extensions }] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSaveFile(title, defaultName) {
      const o = { title, defaultPath: defaultName };
      const r = await (win ? dialog.showSaveDialog(win, o) : dialog.showSaveDialog(o));
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}

/** Session-wide rules: the strict CSP on our pages, and no permission for anything. */
function lockDownSession(): void {
  const ses = session.defaultSession;
  // Labeling memes needs no camera, microphone, location, notifications, clipboard reading,
  // HID/USB/serial devices, and so on: refuse every request and every check.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The enforced policy of the built app is the <meta> tag the build writes into index.html
  // (shared/csp.ts; tests/e2e/session.spec.ts checks it): file:// responses have no headers, and
  // this hook does not fire for them. It applies where responses are HTTP (electron-vite dev),
  // adding frame-ancestors, which a meta tag cannot express.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, appUrl)) return callback({});
    const responseHeaders = {
      ...details.responseHeaders,
      'Content-Security-Policy': [devUrl ? DEV_CSP : APP_HEADER_CSP],
    };
    callback({ responseHeaders });
  });
}

/** Every web contents (the window, and anything that might ever be created) stays on the app. */
function guardContents(contents: Electron.WebContents): void {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.on('will-navigate', (e) => {
    if (!isAllowedNavigation(e.url, appUrl)) e.preventDefault();
  });
  contents.on('will-redirect', (e) => {
    if (!isAllowedNavigation(e.url, appUrl)) e.preventDefault();
  });
  // No second window, ever: a link meant for the web opens in the user's browser instead, once
  // the user said yes to it in a dialog of main (the page cannot open anything by itself).
  contents.setWindowOpenHandler(({ url }) => {
    const prompt = externalLinkPrompt(url);
    if (prompt) void openExternalAfterAsking(url, prompt);
    return { action: 'deny' };
  });
}

async function openExternalAfterAsking(url: string, prompt: ExternalLinkPrompt): Promise<void> {
  try {
    const { response } = win ? await dialog.showMessageBox(win, prompt) : await dialog.showMessageBox(prompt);
    if (response === prompt.openButton) await shell.openExternal(url);
  } catch (err) {
    console.warn(`Meme Jury: not opening a link: ${userMessage(err)}`);
  }
}

/** The menu shows recent projects, so it is rebuilt whenever that list may have changed. */
let menuKey = '';
function refreshMenu(force = false): void {
  if (!backend) return;
  const recent = backend.settings.get().recentProjects;
  const key = JSON.stringify(recent.map((r) => [r.dir, r.name]));
  if (!force && key === menuKey) return;
  menuKey = key;
  installMenu({
    recent,
    packaged: app.isPackaged,
    isMac,
    send: (command) => sendEvent(win, 'menu:command', command),
  });
}

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    title: 'Meme Jury',
    show: false, // shown once painted: no white flash
    backgroundColor: '#f6f7f9', // the page's --bg
    icon: iconPath(),
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  w.once('ready-to-show', () => w.show());
  w.on('closed', () => {
    if (win === w) win = null;
  });
  w.loadURL(appUrl).catch((err: unknown) => fatal(err));
  return w;
}

function showWindow(): void {
  if (!backend) return; // still starting: the window appears by itself
  if (!win) win = createWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Reopens the last project; on the very first start, the demo, so a new user can label at once. */
async function openLastProject(b: Backend): Promise<void> {
  const last = b.settings.get().recentProjects[0];
  try {
    if (last) await b.call('project:open', { dir: last.dir });
    else await b.handle('project:openDemo', undefined);
  } catch (err) {
    // Moved, deleted or locked by another app: the start screen lets the user choose.
    console.warn(`Meme Jury: not reopening ${last?.dir ?? 'the demo project'}: ${userMessage(err)}`);
  }
}

async function start(): Promise<void> {
  lockDownSession();
  setAbout();
  const b = await Backend.create(platform());
  backend = b;
  handleMedia(b);
  registerApi(b, () => win, appUrl, { onHandled: () => refreshMenu() });
  b.onEvent((event) => {
    if (event === 'project:changed') refreshMenu();
  });
  await openLastProject(b);
  refreshMenu(true);
  win = createWindow();
}

/**
 * Quitting waits for the backend to finish pending writes and release its annotator locks, so
 * the next start (here or on a synced machine) finds no stale lock. Bounded, so a stuck disk
 * cannot keep the app from quitting.
 */
let quitState: 'running' | 'disposing' | 'done' = 'running';
function onBeforeQuit(e: Electron.Event): void {
  if (quitState === 'done' || !backend) return;
  e.preventDefault();
  if (quitState === 'disposing') return;
  quitState = 'disposing';
  const timeout = new Promise<void>((r) => setTimeout(r, 5000));
  Promise.race([backend.dispose(), timeout])
    .catch((err: unknown) => console.error('Meme Jury: closing the project failed:', err))
    .finally(() => {
      quitState = 'done';
      app.quit();
    });
}

function fatal(err: unknown): void {
  log.error('Meme Jury could not start:', err);
  dialog.showErrorBox('Meme Jury could not start', userMessage(err));
  quitState = 'done';
  app.exit(1);
}
