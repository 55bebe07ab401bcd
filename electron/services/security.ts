// The Electron window's security settings as plain data and pure checks, so they are unit-tested
// without the Electron binary; electron/main only applies them.

/** The renderer is an untrusted web page: no Node, isolated preload, OS sandbox. */
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
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/**
 * The app's pages load scripts and styles only from themselves, images from themselves and the
 * media:// scheme, and nothing from the network.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' media: data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const MEDIA_SCHEME = 'media';
export const MEDIA_HOST = 'project';

/** Privileges of media:// (registered before the app is ready). No CSP bypass, no CORS. */
export const MEDIA_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
} as const;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The renderer may only ever show the app itself: the built index.html (file://) or, in
 * development, the electron-vite dev server's origin.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const u = parse(url);
  const app = parse(appUrl);
  if (!u || !app) return false;
  if (app.protocol === 'file:') return u.protocol === 'file:' && u.pathname === app.pathname;
  return u.origin === app.origin;
}

export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

/** Links the user may open in their browser: http(s) only, without credentials in the URL. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  return !!u && (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
}

/** IPC is answered only for our own page in our own window (not iframes, not other pages). */
export function isTrustedSender(frameUrl: string | undefined | null, appUrl: string): boolean {
  return !!frameUrl && isAppUrl(frameUrl, appUrl);
}

/** `media://project/<encoded relative path>` → the encoded relative path, or null. */
export function mediaRequestPath(url: string): string | null {
  const u = parse(url);
  if (!u || u.protocol !== `${MEDIA_SCHEME}:` || u.host !== MEDIA_HOST) return null;
  if (u.search || u.hash) return null;
  return u.pathname;
}
