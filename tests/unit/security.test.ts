// The Electron window's security rules (electron/main/security.ts, shared/csp.ts), which electron/main
// applies as they are: window settings, CSP, navigation, external links, IPC senders, media://.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMediaPath } from '../../electron/services/media';
import { APP_HEADER_CSP as APP_CSP, DEV_CSP, PAGE_CSP, withCspMeta } from '../../shared/csp';
import { electronMediaUrl as mediaUrl, MEDIA_SCHEME } from '../../shared/mediaUrl';
import {
  isAllowedNavigation,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  MEDIA_PRIVILEGES,
  mediaRequestPath,
  secureWebPreferences,
} from '../../electron/main/security';
import { ROOT } from './helpers';

const APP = 'file:///opt/Meme%20Jury/resources/app.asar/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

/** "a b; c d" → { a: ['b'], c: ['d'] } */
function directives(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

describe('window settings', () => {
  it('sandboxes the page: isolated preload, no Node anywhere, web security on', () => {
    const p = secureWebPreferences('/app/out/preload/index.cjs');
    expect(p).toStrictEqual({
      preload: '/app/out/preload/index.cjs',
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
    });
  });
});

describe('content security policy', () => {
  const d = directives(APP_CSP);

  it('denies by default and lists exactly what the app needs', () => {
    expect(d).toStrictEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'media:', 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'font-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
    });
  });

  it('allows no inline code, no eval, no network host and no wildcard', () => {
    expect(APP_CSP).not.toMatch(/unsafe-|nonce-|sha\d+-/);
    expect(APP_CSP).not.toMatch(/https?:|wss?:|\*/);
    expect(APP_CSP).not.toMatch(/\bfile:/);
  });

  it('is the meta tag the build writes into the page (browser mode and file:// loads)', () => {
    const html = withCspMeta(readFileSync(`${ROOT}/renderer/index.html`, 'utf8'), PAGE_CSP);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const m = directives((meta as RegExpExecArray)[1]);
    // The same policy as the header, less frame-ancestors (which a meta tag cannot carry).
    const { 'frame-ancestors': _fa, ...headerWithoutFraming } = d;
    expect(m).toStrictEqual(headerWithoutFraming);
    expect((meta as RegExpExecArray)[1]).not.toMatch(/unsafe-|\*/);
  });

  it('the dev server page carries no meta (the dev header applies) and a page without a placeholder fails the build', () => {
    const html = readFileSync(`${ROOT}/renderer/index.html`, 'utf8');
    expect(withCspMeta(html, null)).not.toMatch(/Content-Security-Policy/);
    expect(() => withCspMeta('<html></html>', PAGE_CSP)).toThrow(/no Content-Security-Policy meta/);
  });
});

describe('navigation', () => {
  it('allows the built app page itself, with any fragment or query', () => {
    expect(isAllowedNavigation(APP, APP)).toBe(true);
    expect(isAllowedNavigation(`${APP}#/review`, APP)).toBe(true);
    expect(isAllowedNavigation(`${APP}?x=1`, APP)).toBe(true);
  });

  it('compares file paths the way Chromium writes them (encoding, drive letter case)', () => {
    expect(isAllowedNavigation(APP.replace('%20', ' '), APP)).toBe(true);
    expect(isAppUrl('file:///C:/Program%20Files/x/index.html', 'file:///c:/Program Files/x/index.html')).toBe(
      true,
    );
  });

  it('refuses any other local file, network shares and other schemes', () => {
    expect(isAllowedNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(isAllowedNavigation(APP.replace('index.html', 'other.html'), APP)).toBe(false);
    // file://host/… is a Windows network share (UNC path), even with the same path.
    expect(isAllowedNavigation(APP.replace('file:///', 'file://evil.example/'), APP)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', APP)).toBe(false);
    expect(isAllowedNavigation('media://project/img/1.png', APP)).toBe(false);
    expect(isAllowedNavigation('data:text/html,<h1>x</h1>', APP)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', APP)).toBe(false);
    expect(isAllowedNavigation('about:blank', APP)).toBe(false);
    expect(isAllowedNavigation('not a url', APP)).toBe(false);
  });

  it('in development, allows the dev server origin only', () => {
    expect(isAllowedNavigation('http://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/src/main.tsx?t=1', DEV)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://user:pw@localhost:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', DEV)).toBe(false);
  });

  it('never treats opaque origins as the app', () => {
    // URL.origin is "null" for these: comparing origins would make them all equal.
    expect(isAppUrl('data:text/html,x', 'data:text/html,y')).toBe(false);
    expect(isAppUrl('media://project/a.png', 'media://project/b.png')).toBe(false);
  });
});

describe('external links', () => {
  it('opens only http(s) URLs without credentials in the browser', () => {
    expect(isSafeExternalUrl('https://example.com/docs')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://EXAMPLE.COM/')).toBe(true);
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-settings:privacy',
      'mailto:someone@example.com',
      'media://project/img/1.png',
      'data:text/html,x',
      'https://user:pw@example.com',
      'https://example.com@evil.example/',
      'not a url',
      '',
    ])
      expect(isSafeExternalUrl(bad), bad).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('answers only the app page', () => {
    expect(isTrustedSender(APP, APP)).toBe(true);
    expect(isTrustedSender(`${APP}#/label`, APP)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', DEV)).toBe(true);
  });

  it('refuses other pages, frames that have no URL, and foreign origins', () => {
    expect(isTrustedSender('https://evil.example/', APP)).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html', APP)).toBe(false);
    expect(isTrustedSender('about:blank', APP)).toBe(false);
    expect(isTrustedSender('devtools://devtools/bundled/inspector.html', APP)).toBe(false);
    expect(isTrustedSender('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender('', APP)).toBe(false);
  });
});

describe('media:// scheme', () => {
  it('is a standard, secure scheme without CSP bypass or CORS', () => {
    expect(MEDIA_SCHEME).toBe('media');
    expect(MEDIA_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
      corsEnabled: false,
    });
  });

  it('reads media://project/ URLs only, without query, fragment or credentials', () => {
    expect(mediaRequestPath('media://project/img/a%20b.png')).toBe('/img/a%20b.png');
    expect(mediaRequestPath('media://other/img/a.png')).toBeNull();
    expect(mediaRequestPath('file:///img/a.png')).toBeNull();
    expect(mediaRequestPath('https://project/img/a.png')).toBeNull();
    expect(mediaRequestPath('media://project/img/a.png?x=1')).toBeNull();
    expect(mediaRequestPath('media://project/img/a.png#x')).toBeNull();
    expect(mediaRequestPath('media://u:p@project/img/a.png')).toBeNull();
    expect(mediaRequestPath('media:img/a.png')).toBeNull();
  });

  it('builds URLs that come back as the same relative path, whatever the file name', () => {
    for (const rel of [
      'img/00001.png',
      'img/batch 2/a b.jpg',
      'img/100%.png',
      'img/what?.png',
      'img/#1.webp',
      'img/semi;colon,comma.gif',
      'img/mème 日本.jpeg',
      'img/a+b=c&d.png',
    ]) {
      const url = mediaUrl(rel);
      expect(url.startsWith('media://project/'), url).toBe(true);
      const path = mediaRequestPath(url);
      expect(path, url).not.toBeNull();
      expect(decodeMediaPath(path as string), url).toBe(rel);
    }
  });

  it('keeps separators and dots in names encoded, so they cannot become path syntax', () => {
    expect(mediaUrl('img/a\\..\\b.png')).toBe('media://project/img/a%5C..%5Cb.png');
    expect(mediaUrl('img/a%2F..%2Fb.png')).toBe('media://project/img/a%252F..%252Fb.png');
  });
});

describe('development CSP', () => {
  it('relaxes only what hot reload needs, and only in the dev constant', async () => {
    expect(DEV_CSP).toContain("script-src 'self' 'unsafe-inline'");
    expect(DEV_CSP).toContain("default-src 'none'");
    expect(DEV_CSP).toContain("object-src 'none'");
    expect(DEV_CSP).not.toContain('unsafe-eval');
    expect(APP_CSP).not.toContain('unsafe');
  });
});
