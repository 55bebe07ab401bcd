import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_CSP,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  mediaRequestPath,
  secureWebPreferences,
} from '../../electron/services/security';
import { ROOT } from './helpers';

const APP = 'file:///opt/memejury/out/renderer/index.html';

describe('window security settings', () => {
  it('sandboxes the renderer with context isolation and no Node', () => {
    const p = secureWebPreferences('/x/preload.cjs');
    expect(p).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('has a strict CSP: nothing by default, no inline or eval, images only from itself and media:', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("img-src 'self' media:");
    expect(APP_CSP).not.toMatch(/unsafe-(inline|eval)/);
    expect(APP_CSP).not.toMatch(/https?:|\*/);
    // The page carries the same policy as a meta tag (browser mode, file:// loads).
    const html = readFileSync(`${ROOT}/renderer/index.html`, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('allows navigation only to the app itself', () => {
    expect(isAllowedNavigation(APP, APP)).toBe(true);
    expect(isAllowedNavigation(`${APP}#x`, APP)).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', APP)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/other', 'http://localhost:5173/')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAllowedNavigation('not a url', APP)).toBe(false);
  });

  it('opens only http(s) links without credentials in the browser', () => {
    expect(isSafeExternalUrl('https://example.com/docs')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://host/share')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com')).toBe(false);
  });

  it('answers IPC only from the app page', () => {
    expect(isTrustedSender(APP, APP)).toBe(true);
    expect(isTrustedSender('https://evil.example/', APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender('', APP)).toBe(false);
  });

  it('reads media:// URLs of the project host only', () => {
    expect(mediaRequestPath('media://project/img/a%20b.png')).toBe('/img/a%20b.png');
    expect(mediaRequestPath('media://other/img/a.png')).toBeNull();
    expect(mediaRequestPath('file:///img/a.png')).toBeNull();
    expect(mediaRequestPath('media://project/img/a.png?x=1')).toBeNull();
  });
});
