// Browser mode's session against a real Chromium: Chromium sends our session cookie to every
// server on 127.0.0.1 (cookies ignore ports), so a page served by another local server receives
// it. Replaying it must get nothing: the API also needs the page token, which lives in our
// origin's storage and never in a cookie. The built page also carries the CSP as its meta tag.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { PAGE_CSP } from '../../shared/csp';
import { API_HEADER, PAGE_TOKEN_STORAGE, sessionCookieName } from '../../shared/httpApi';
import { ROOT, serveDemoPerTest } from './serve';

const demo = serveDemoPerTest([]);

function post(url: string, headers: Record<string, string>, body = '{}'): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('a page on another port receives the cookie but cannot use it', async ({ page }) => {
  await page.goto(demo.served.url);
  await expect(page.getByTestId('projects')).toBeVisible();
  const port = Number(new URL(demo.served.url).port);
  // The address bar lost both tokens; the page token sits in this origin's storage only.
  expect(page.url()).toBe(`http://127.0.0.1:${port}/`);
  const stored = await page.evaluate((key) => localStorage.getItem(key), PAGE_TOKEN_STORAGE);
  expect(stored).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toStrictEqual([sessionCookieName(port)]);
  expect(cookies[0].value).not.toBe(stored);

  // A port-mate: records what Chromium sends it, and serves a page that tries our API.
  const seen: string[] = [];
  const mate: Server = createServer((req, res) => {
    seen.push(req.headers.cookie ?? '');
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>port-mate</title>');
  });
  await new Promise<void>((r) => mate.listen(0, '127.0.0.1', () => r()));
  const matePort = (mate.address() as AddressInfo).port;
  try {
    await page.goto(`http://127.0.0.1:${matePort}/`);
    const leaked = seen.find((c) => c.includes(sessionCookieName(port)));
    expect(leaked, 'Chromium sends the cookie across ports (the reason for the page token)').toBeTruthy();
    // The port-mate's page cannot read our token, nor call the API from the browser.
    expect(await page.evaluate((key) => localStorage.getItem(key), PAGE_TOKEN_STORAGE)).toBeNull();
    const fromPage = await page.evaluate(async (p) => {
      const url = `http://127.0.0.1:${p}/api/settings:get`;
      const out: string[] = [];
      for (const init of [
        { method: 'POST', credentials: 'include', body: '{}' },
        { method: 'POST', credentials: 'include', mode: 'no-cors', body: '{}' },
        { method: 'POST', credentials: 'include', headers: { 'x-memejury': '1' }, body: '{}' },
      ] as RequestInit[])
        out.push(
          await fetch(url, init).then(
            (r) => (r.type === 'opaque' ? 'opaque' : String(r.status)),
            () => 'blocked',
          ),
        );
      return out;
    }, port);
    for (const r of fromPage) expect(['opaque', 'blocked', '401', '403']).toContain(r);

    // The port-mate's server replays the cookie with every header it can forge.
    const cookie = leaked as string;
    const api = `http://127.0.0.1:${port}/api/settings:get`;
    const forged: Record<string, string>[] = [
      {},
      { origin: `http://127.0.0.1:${port}` },
      { origin: `http://127.0.0.1:${port}`, [API_HEADER]: '1' },
      { origin: `http://127.0.0.1:${port}`, [API_HEADER]: cookie.split('=').pop() as string },
      { origin: `http://127.0.0.1:${port}`, [API_HEADER]: demo.served.url.split('token=')[1].slice(0, 10) },
    ];
    for (const h of forged) {
      const status = await post(api, {
        host: `127.0.0.1:${port}`,
        cookie,
        'content-type': 'application/json',
        ...h,
      });
      expect([401, 403], JSON.stringify(h)).toContain(status);
    }
  } finally {
    await new Promise<void>((r) => mate.close(() => r()));
  }
  // Back on our page (no token in the address: the stored page token), everything still works.
  await page.goto(`http://127.0.0.1:${port}/`);
  await expect(page.getByTestId('projects')).toBeVisible();
  await page.getByTestId('new-profile-id').fill('after-replay');
  await page.getByTestId('create-profile').click();
  await expect(page.getByTestId('annotator')).toHaveText('after-replay');
});

test('the built page carries the CSP as its meta tag, and Chromium enforces it on file://', async ({
  page,
}) => {
  const file = join(ROOT, 'out/renderer/index.html');
  const html = await readFile(file, 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta?.[1]).toBe(PAGE_CSP);
  await page.goto(pathToFileURL(file).href);
  const violations = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.body.appendChild(s);
    const img = document.createElement('img');
    img.src = 'https://example.com/x.png';
    document.body.appendChild(img);
    await new Promise((r) => setTimeout(r, 200));
    return { seen, injected: (window as unknown as { __injected?: number }).__injected ?? null };
  });
  expect(violations.injected).toBeNull();
  expect(violations.seen).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), 'img-src']));
});
