// App lifecycle and the one window. Logic lives in electron/services; this file applies it.
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Backend, type Platform } from '../services/backend';
import { APP_CSP, isAllowedNavigation, isSafeExternalUrl, secureWebPreferences } from '../services/security';
import { registerApi } from './ipc';
import { handleMedia, registerMediaScheme } from './media';
import { buildMenu } from './menu';

// Tests (and portable installs) keep settings in a folder of their choice.
if (process.env.MEMEJURY_USER_DATA) app.setPath('userData', process.env.MEMEJURY_USER_DATA);

// One app per user: a second start focuses the first window instead of becoming a second writer.
if (!app.requestSingleInstanceLock()) {
  app.quit();
  process.exit(0);
}

registerMediaScheme();

const here = import.meta.dirname;
const rendererFile = join(here, '../renderer/index.html');
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devUrl ?? pathToFileURL(rendererFile).toString();

let win: BrowserWindow | null = null;

function platform(): Platform {
  const demoSource = app.isPackaged
    ? join(process.resourcesPath, 'demo')
    : join(app.getAppPath(), 'electron/resources/demo');
  return {
    mode: 'electron',
    version: app.getVersion(),
    settingsPath: join(app.getPath('userData'), 'settings.json'),
    demoSource,
    demoTarget: join(app.getPath('userData'), 'demo-project'),
    async chooseFolder() {
      const r = await dialog.showOpenDialog(win!, {
        title: 'Open project folder',
        properties: ['openDirectory', 'createDirectory'],
      });
      return r.canceled ? null : r.filePaths[0];
    },
    async chooseFile(title, extensions) {
      const r = await dialog.showOpenDialog(win!, {
        title,
        properties: ['openFile'],
        filters: [{ name: extensions.join(', '), extensions }],
      });
      return r.canceled ? null : r.filePaths[0];
    },
    async chooseSaveFile(title, defaultName) {
      const r = await dialog.showSaveDialog(win!, { title, defaultPath: defaultName });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}

function lockDown(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (isAllowedNavigation(details.url, appUrl)) headers['Content-Security-Policy'] = [APP_CSP];
    callback({ responseHeaders: headers });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.on('will-navigate', (e) => {
      if (!isAllowedNavigation(e.url, appUrl)) e.preventDefault();
    });
    contents.on('will-redirect', (e) => {
      if (!isAllowedNavigation(e.url, appUrl)) e.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function start(): Promise<void> {
  lockDown();
  const backend = await Backend.create(platform());
  handleMedia(backend);
  registerApi(backend, () => win, appUrl);
  // First start: open the embedded demo so a new user can label at once.
  const { recentProjects } = backend.settings.get();
  try {
    if (recentProjects.length > 0) await backend.openProject(recentProjects[0].dir);
    else await backend.handle('project:openDemo', undefined);
  } catch {
    /* the start screen lets the user pick another project */
  }
  buildMenu(backend);
  backend.onEvent((event) => {
    if (event === 'project:changed') buildMenu(backend);
  });

  win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    title: 'Meme Jury',
    show: false,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  if (devUrl) await win.loadURL(devUrl);
  else await win.loadFile(rendererFile);

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('before-quit', () => void backend.dispose());
}

app.on('window-all-closed', () => app.quit());
app.whenReady().then(start, (err: unknown) => {
  dialog.showErrorBox('Meme Jury could not start', String(err));
  app.quit();
});
