// The Electron window's security settings as plain data and pure checks. Nothing here imports
// 'electron', so every rule is unit-tested without the Electron binary; electron/main only
// applies them.
import { MEDIA_HOST, MEDIA_SCHEME } from '../../shared/mediaUrl';

/**
 * webPreferences of the app window. The page is treated as untrusted web content (it renders
 * meme text and images from folders other people sync to us): no Node in the page, workers or
 * frames; the preload runs in its own JS world (contextIsolation) inside the OS sandbox, where it
 * can do nothing but talk IPC; same-origin rules and mixed-content blocking stay on.
 */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // A file dropped on the window would otherwise replace the app with that file.
    navigateOnDragDrop: false,
    // The spellchecker may download dictionaries from Google; the app is offline by promise.
    spellcheck: false,
  } as const;
}

/**
 * Privileges of media://, registered before the app is ready. `standard` gives it normal URL
 * parsing (host, path, dot segments resolved) so the path reaches us in one predictable shape;
 * `secure` keeps it out of mixed-content blocking; `supportFetchAPI` lets Electron hand the
 * request to protocol.handle as a fetch Request. It deliberately does NOT bypass the CSP and is
 * not CORS-enabled: pages still need `img-src media:` and cannot read image bytes from script.
 */
export const MEDIA_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  bypassCSP: false,
  corsEnabled: false,
  allowServiceWorkers: false,
} as const;

/** `media://project/<encoded relative path>` → the still-encoded path ('/…'), or null. */
export function mediaRequestPath(url: string): string | null {
  const u = parse(url);
  if (!u || u.protocol !== `${MEDIA_SCHEME}:` || u.host !== MEDIA_HOST) return null;
  // Images never carry a query or fragment; refusing them keeps one URL per file.
  if (u.search || u.hash || u.username || u.password) return null;
  return u.pathname;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The file path a file: URL names, in a form Chromium and Node agree on: percent-decoded, and
 * with a Windows drive letter upper-cased (Chromium canonicalises it, Node's URL does not).
 */
function filePath(u: URL): string | null {
  try {
    return decodeURIComponent(u.pathname).replace(/^\/([a-z]):/, (_m, d: string) => `/${d.toUpperCase()}:`);
  } catch {
    return null;
  }
}

/**
 * Whether `url` is the app's own page. Built app: exactly the index.html it was loaded from (any
 * other file:// URL would be an arbitrary local file, and file://host/… a Windows network
 * share). Development (`electron-vite dev`): the dev server's origin, which serves only the app.
 * Query and fragment are ignored: they cannot change which document is shown.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const u = parse(url);
  const app = parse(appUrl);
  if (!u || !app || u.username || u.password) return false;
  if (app.protocol === 'file:') {
    if (u.protocol !== 'file:' || u.host !== app.host) return false;
    const p = filePath(u);
    return p !== null && p === filePath(app);
  }
  // Only http(s) dev servers: for other schemes URL.origin is the string "null", which would
  // make every opaque origin look alike.
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return u.origin === app.origin;
}

/** 'will-navigate' / 'will-redirect': the window may only ever show the app itself. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

/**
 * Links the user may open in their own browser (from window.open / target=_blank). http(s)
 * only: file:, smb:, javascript: or custom-protocol URLs would run things on this machine; a URL
 * with credentials is refused because it is a classic way to disguise the real host.
 */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return false;
  return !u.username && !u.password && u.hostname !== '';
}

/** What main asks before a link leaves the app for the user's browser: the dialog's options. */
export interface ExternalLinkPrompt {
  type: 'question';
  buttons: [string, string];
  /** Index of the button that opens the link; Cancel is the default and what Escape means. */
  openButton: 0;
  defaultId: 1;
  cancelId: 1;
  noLink: true;
  title: string;
  message: string;
  detail: string;
}

/**
 * The confirmation shown before `url` opens in the system browser, or null when the link may
 * not leave at all (isSafeExternalUrl). The dialog shows the host on its own line, so a look-alike
 * address is seen before anything opens; Cancel is the default button.
 */
export function externalLinkPrompt(url: string): ExternalLinkPrompt | null {
  if (!isSafeExternalUrl(url)) return null;
  const u = new URL(url);
  return {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    openButton: 0,
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Open a link',
    message: `Open ${u.host} in your web browser?`,
    detail: url.length > 500 ? `${url.slice(0, 500)}…` : url,
  };
}

/**
 * The environment the user-data folder is chosen from: MEMEJURY_USER_DATA (tests, portable
 * runs of a development build) is ignored by a packaged app, so nothing in the environment can
 * point an installed app at other settings, another demo copy or another single-instance lock.
 */
export function userDataEnv(env: NodeJS.ProcessEnv, packaged: boolean): NodeJS.ProcessEnv {
  if (!packaged || env.MEMEJURY_USER_DATA === undefined) return env;
  const rest = { ...env };
  delete rest.MEMEJURY_USER_DATA;
  return rest;
}

/**
 * IPC sender check: calls are answered only when they come from a frame showing the app's own
 * page. With the window, navigation and frame rules above this is always the case; the check
 * makes sure that if anything slipped through (a navigation bug, an injected frame), foreign
 * content still cannot reach the backend.
 */
export function isTrustedSender(frameUrl: string | undefined | null, appUrl: string): boolean {
  return typeof frameUrl === 'string' && frameUrl !== '' && isAppUrl(frameUrl, appUrl);
}
