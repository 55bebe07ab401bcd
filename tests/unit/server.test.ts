// Browser mode's HTTP server (electron/server): the session a port-mate cannot ride, and a few
// hundred hostile requests that must each be refused with the right status (400, 401, 403, 404,
// 405), never answered, never a 500.
import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/services/backend';
import { initProject } from '../../electron/services/project';
import { serve, type RunningServer } from '../../electron/server/server';
import { CHANNELS } from '../../shared/api';
import { API_HEADER, PAGE_TOKEN_QUERY, SESSION_FRAGMENT, sessionCookieName } from '../../shared/httpApi';
import { tempDir, testBackend } from './helpers';

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: opts.host ?? `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          body += d;
          // The event stream never ends: its first bytes are enough.
          if (res.headers['content-type']?.startsWith('text/event-stream')) res.destroy();
        });
        res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

interface Setup {
  running: RunningServer;
  backend: Backend;
  port: number;
  token: string;
}

const running: Setup[] = [];
afterEach(async () => {
  while (running.length) {
    const s = running.pop() as Setup;
    await s.running.close();
    await s.backend.dispose();
  }
});

async function start(): Promise<Setup> {
  const dir = await tempDir();
  await initProject(dir);
  await mkdir(join(dir, 'img'));
  await writeFile(join(dir, 'img/1.png'), 'png');
  const renderer = await tempDir();
  await mkdir(join(renderer, 'assets'));
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Meme Jury</title>');
  await writeFile(join(renderer, 'assets/app.js'), 'console.log(1)');
  const backend = await testBackend(await tempDir(), 'ann-a');
  await backend.call('project:open', { dir });
  const r = await serve({ backend, rendererDir: renderer });
  const s = { running: r, backend, port: r.port, token: r.token };
  running.push(s);
  return s;
}

/** Opens the printed address as a browser does: the cookie and the page token it hands out. */
async function login(s: Setup): Promise<{ cookie: string; page: string }> {
  const r = await http(s.port, `/?token=${s.token}`);
  expect(r.status).toBe(303);
  const setCookie = String(r.headers['set-cookie']);
  const m = new RegExp(`^${sessionCookieName(s.port)}=([^;]+);`).exec(setCookie);
  expect(m, setCookie).not.toBeNull();
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  const location = String(r.headers.location);
  const f = new RegExp(`^/#${SESSION_FRAGMENT}=([A-Za-z0-9_-]+)$`).exec(location);
  expect(f, location).not.toBeNull();
  // The page token is not the cookie, and neither is the printed token.
  expect(f![1]).not.toBe(m![1]);
  expect(m![1]).not.toBe(s.token);
  return { cookie: `${sessionCookieName(s.port)}=${m![1]}`, page: f![1] };
}

const origin = (s: Setup): string => `http://127.0.0.1:${s.port}`;

function api(s: Setup, channel: string, headers: Record<string, string>, body: string | Buffer = '') {
  return http(s.port, `/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('browser-mode session', () => {
  it('answers the page that opened the printed address, and only with cookie, page token and origin', async () => {
    const s = await start();
    const { cookie, page } = await login(s);
    const good = { cookie, origin: origin(s), [API_HEADER]: page };
    const info = await api(s, 'app:info', good);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, result: { mode: 'browser' } });
    expect((await http(s.port, '/', { headers: { cookie } })).status).toBe(200);
    expect(
      (await http(s.port, `/media/img/1.png?${PAGE_TOKEN_QUERY}=${page}`, { headers: { cookie } })).status,
    ).toBe(200);
    const events = await http(s.port, `/events?${PAGE_TOKEN_QUERY}=${page}`, { headers: { cookie } });
    expect(events.status).toBe(200);
    // localhost is the same server.
    expect((await api(s, 'app:info', { ...good, origin: `http://localhost:${s.port}` })).status).toBe(200);
  });

  it('a port-mate that received our cookie (browsers send it to every port) cannot replay it', async () => {
    const s = await start();
    const { cookie, page } = await login(s);
    // What a server on another port of 127.0.0.1 sees: the Cookie header, nothing else.
    const stolen = cookie;
    const replays: Record<string, string>[] = [
      { cookie: stolen },
      { cookie: stolen, origin: origin(s) },
      { cookie: stolen, origin: origin(s), [API_HEADER]: '1' },
      { cookie: stolen, origin: origin(s), [API_HEADER]: stolen.split('=')[1] },
      { cookie: stolen, origin: origin(s), [API_HEADER]: s.token },
      {
        cookie: stolen,
        origin: origin(s),
        [API_HEADER]: page.slice(0, -1) + (page.endsWith('A') ? 'B' : 'A'),
      },
      { cookie: stolen, origin: origin(s), [API_HEADER]: '' },
    ];
    let refused = 0;
    for (const headers of replays)
      for (const channel of ['app:info', 'export:run', 'annotation:save', 'project:import', 'settings:get']) {
        const r = await api(s, channel, headers, '{"args":{}}');
        expect([401, 403], `${channel} ${JSON.stringify(headers)}`).toContain(r.status);
        refused++;
      }
    expect((await http(s.port, '/media/img/1.png', { headers: { cookie: stolen } })).status).toBe(401);
    expect((await http(s.port, '/events', { headers: { cookie: stolen } })).status).toBe(401);
    refused += 2;
    // The page itself still works: the replay took nothing from it.
    expect((await api(s, 'app:info', { cookie, origin: origin(s), [API_HEADER]: page })).status).toBe(200);
    expect(refused).toBe(replays.length * 5 + 2);
  });

  it('two servers on two ports keep their own cookies and sessions', async () => {
    const a = await start();
    const b = await start();
    expect(sessionCookieName(a.port)).not.toBe(sessionCookieName(b.port));
    const la = await login(a);
    const lb = await login(b);
    // A browser sends both cookies to both ports; each server reads only its own.
    const both = `${la.cookie}; ${lb.cookie}`;
    expect(
      (await api(a, 'app:info', { cookie: both, origin: origin(a), [API_HEADER]: la.page })).status,
    ).toBe(200);
    expect(
      (await api(b, 'app:info', { cookie: both, origin: origin(b), [API_HEADER]: lb.page })).status,
    ).toBe(200);
    // B's page token is no good at A, nor A's cookie at B.
    expect(
      (await api(a, 'app:info', { cookie: both, origin: origin(a), [API_HEADER]: lb.page })).status,
    ).toBe(401);
    expect(
      (await api(b, 'app:info', { cookie: la.cookie, origin: origin(b), [API_HEADER]: lb.page })).status,
    ).toBe(401);
  });
});

describe('hostile requests', () => {
  it('are refused with 400, 401, 403, 404 or 405, never answered and never a 500', async () => {
    const s = await start();
    const { cookie, page } = await login(s);
    const good = { cookie, origin: origin(s), [API_HEADER]: page };
    const nonAscii = (n: number): string => 'é'.repeat(n);
    const attacks: { what: string; run: () => Promise<Res>; want: number[] }[] = [];
    const add = (what: string, want: number[], run: () => Promise<Res>): void => {
      attacks.push({ what, run, want });
    };
    const paths = [
      '/',
      '/index.html',
      '/assets/app.js',
      '/api/app:info',
      '/events',
      '/media/img/1.png',
      '/x',
    ];

    // Host header (DNS rebinding) on every path.
    for (const path of paths)
      for (const host of [
        'evil.example',
        `evil.example:${s.port}`,
        '127.0.0.1',
        `127.0.0.1:${s.port + 1}`,
        'localhost',
        `localhost.:${s.port}`,
      ])
        add(`host ${host} ${path}`, [403], () => http(s.port, path, { host, headers: { cookie } }));

    // The printed token: wrong, non-ASCII of the right length, truncated, padded, by POST.
    for (const t of [
      'x',
      s.token.slice(1),
      s.token + '0',
      nonAscii(s.token.length),
      nonAscii(s.token.length / 2),
      encodeURIComponent(nonAscii(s.token.length)),
      '%00'.repeat(16),
      '',
      s.token.toUpperCase(),
    ])
      // Unencoded non-ASCII in a URL is refused by Node's HTTP parser (400) before we see it.
      add(`token ${t.slice(0, 12)}`, /^[\x20-\x7e]*$/.test(t) ? [401] : [400, 401], () =>
        http(s.port, `/?token=${t}`),
      );
    add('token by POST', [405], () => http(s.port, `/?token=${s.token}`, { method: 'POST' }));

    // No cookie, wrong cookies, on every path.
    const badCookies = [
      '',
      `${sessionCookieName(s.port)}=x`,
      `${sessionCookieName(s.port)}=${nonAscii(cookie.split('=')[1].length)}`,
      `${sessionCookieName(s.port)}=${s.token}`,
      `memejury_token=${s.token}`,
      `${sessionCookieName(s.port + 1)}=${cookie.split('=')[1]}`,
      `${cookie}; ${cookie.split('=')[0]}=planted`,
      `${sessionCookieName(s.port)}`,
      ';;;=;=',
    ];
    for (const path of paths)
      for (const c of badCookies)
        add(`cookie ${c.slice(0, 20)} ${path}`, [401], () =>
          http(s.port, path, {
            method: path.startsWith('/api/') ? 'POST' : 'GET',
            headers: c ? { cookie: c } : {},
          }),
        );

    // API calls with a valid cookie but a wrong page token, origin, fetch site or method.
    for (const channel of CHANNELS) {
      for (const h of [
        undefined,
        '',
        '1',
        'x',
        nonAscii(page.length),
        nonAscii(page.length / 2),
        s.token,
        cookie,
      ])
        add(`header ${String(h).slice(0, 8)} ${channel}`, [401], () =>
          api(
            s,
            channel,
            { cookie, origin: origin(s), ...(h === undefined ? {} : { [API_HEADER]: h }) },
            '{}',
          ),
        );
      for (const o of [
        undefined,
        'null',
        'http://evil.example',
        `http://127.0.0.1:${s.port + 1}`,
        `https://127.0.0.1:${s.port}`,
        'file://',
      ])
        add(`origin ${o} ${channel}`, [403], () =>
          api(s, channel, { cookie, [API_HEADER]: page, ...(o === undefined ? {} : { origin: o }) }, '{}'),
        );
      for (const site of ['cross-site', 'same-site', 'none'])
        add(`sec-fetch-site ${site} ${channel}`, [403], () =>
          api(s, channel, { ...good, 'sec-fetch-site': site }, '{}'),
        );
      for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])
        add(`${method} ${channel}`, [405], () => http(s.port, `/api/${channel}`, { method, headers: good }));
    }

    // Bodies: null, not an object, not JSON, not UTF-8, too large; arguments of the wrong shape.
    for (const body of ['null', '[]', '"x"', '1', 'true', '{', '{"args":', '\u0000', 'nul', '{"args":null}x'])
      for (const channel of ['app:info', 'export:run', 'annotation:save'])
        add(`body ${body} ${channel}`, [400], () => api(s, channel, good, body));
    add('body not UTF-8', [400], () => api(s, 'export:run', good, Buffer.from([0xff, 0xfe, 0x7b])));
    add('body too large', [400], () =>
      api(s, 'app:info', good, JSON.stringify({ args: 'x'.repeat(1_100_000) })),
    );
    for (const args of [
      { out: '/tmp/x' },
      { options: {}, to: { name: '../../x' } },
      { options: {}, to: { path: '/x' } },
    ])
      add(`args ${JSON.stringify(args)}`, [200, 400], () =>
        api(s, 'export:run', good, JSON.stringify({ args })),
      );

    // Channel names and paths with malformed percent-encoding or traversal.
    for (const ch of [
      '%',
      '%zz',
      '%E0%A4%A',
      '%C0%AF',
      'app%3Ainfo%',
      '..%2F..%2Fetc%2Fpasswd',
      'nope:nope',
      '__proto__',
      'constructor',
      'toString',
    ])
      add(`channel ${ch}`, [400, 404], () => api(s, ch, good, '{}'));
    for (const p of [
      '/%',
      '/%zz',
      '/%E0%A4%A',
      '/..%2F..%2Fpackage.json',
      '/assets/..%2F..%2Fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/.env',
      '/assets/app.js%00.png',
    ])
      add(`static ${p}`, [400, 403, 404], () => http(s.port, p, { headers: { cookie } }));
    for (const p of [
      '/media/%',
      '/media/%E0%A4%A',
      '/media/..%2F.memejury%2Fproject.json',
      '/media/img/1.png%00',
    ])
      add(`media ${p}`, [400, 401, 403, 404], () =>
        http(s.port, `${p}?${PAGE_TOKEN_QUERY}=${page}`, { headers: { cookie } }),
      );
    for (const k of ['', 'x', nonAscii(page.length), cookie.split('=')[1]]) {
      add(`media k=${k.slice(0, 6)}`, [401], () =>
        http(s.port, `/media/img/1.png?${PAGE_TOKEN_QUERY}=${encodeURIComponent(k)}`, {
          headers: { cookie },
        }),
      );
      add(`events k=${k.slice(0, 6)}`, [401], () =>
        http(s.port, `/events?${PAGE_TOKEN_QUERY}=${encodeURIComponent(k)}`, { headers: { cookie } }),
      );
    }

    const statuses = new Map<number, number>();
    for (const a of attacks) {
      const r = await a.run();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(r.status, a.what).not.toBe(500);
      expect(a.want, `${a.what} → ${r.status} ${r.body.slice(0, 100)}`).toContain(r.status);
      if (r.status === 200) expect(JSON.parse(r.body).ok, a.what).toBe(false);
    }
    // After all that, the page still works.
    expect((await api(s, 'app:info', good)).status).toBe(200);
    console.log(
      `HTTP attacks: ${attacks.length} refused (${[...statuses].map(([k, v]) => `${v}×${k}`).join(', ')}); no 500`,
    );
    expect(attacks.length).toBeGreaterThanOrEqual(600);
  });
});
