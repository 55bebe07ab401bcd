// Browser mode: the same Backend and contract behind a local HTTP server, serving the built
// renderer. Bound to 127.0.0.1 only. A random token, presented once in the URL, becomes a
// SameSite=Strict HttpOnly cookie; API calls also need a custom header (so other sites cannot
// send them without a CORS preflight, which is never granted) and the Host header must be ours
// (DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { ApiArgError, isChannel, type ApiEvents } from '../../shared/api';
import { BROWSER_CSP } from '../../shared/csp';
import { API_HEADER, API_PATH, EVENTS_PATH } from '../../shared/httpApi';
import { BROWSER_MEDIA_PATH } from '../../shared/mediaUrl';
import { errorReply, okReply } from '../../shared/reply';
import type { Backend } from '../services/backend';
import { userMessage } from '../services/errors';
import { decodeMediaPath, MediaError, mediaType, resolveMediaPath } from '../services/media';

const COOKIE = 'memejury_token';
const MAX_BODY = 1 << 20;

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface ServeOptions {
  backend: Backend;
  /** Built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  /** Open this in a browser: it carries the token once, then the cookie does. */
  url: string;
  close(): Promise<void>;
}

function cookieToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE && v) return v;
  }
  return null;
}

function sameToken(a: string | null, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ApiArgError('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const { backend, rendererDir } = opts;
  const indexHtml = await readFile(join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`${join(rendererDir, 'index.html')} is missing: run "npm run build" first`);
  });
  const sse = new Set<ServerResponse>();
  const unsubscribe = backend.onEvent(<E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of sse) res.write(data);
  });
  let port = 0;

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, 'bad host');

    // The token arrives once in the URL; it is moved into a cookie and dropped from the address.
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!sameToken(queryToken, token)) return send(res, 403, 'bad token');
      res.writeHead(303, {
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: '/',
        'cache-control': 'no-store',
      });
      return void res.end();
    }
    if (!sameToken(cookieToken(req), token))
      return send(res, 403, 'open the address printed by "memejury serve"');

    if (url.pathname.startsWith(API_PATH)) {
      if (req.method !== 'POST') return send(res, 405, 'POST only');
      if (req.headers[API_HEADER] !== '1') return send(res, 403, 'missing API header');
      const channel = decodeURIComponent(url.pathname.slice(API_PATH.length));
      if (!isChannel(channel))
        return send(res, 404, JSON.stringify(errorReply(`unknown channel "${channel}"`)), 'application/json');
      try {
        const body = await readBody(req);
        const args = body === '' ? undefined : (JSON.parse(body) as { args?: unknown }).args;
        const result = await backend.handle(channel, args);
        return send(res, 200, JSON.stringify(okReply(result)), 'application/json');
      } catch (err) {
        return send(
          res,
          err instanceof ApiArgError || err instanceof SyntaxError ? 400 : 200,
          JSON.stringify(errorReply(userMessage(err))),
          'application/json',
        );
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');

    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sse.add(res);
      req.on('close', () => sse.delete(res));
      return;
    }

    if (url.pathname.startsWith(BROWSER_MEDIA_PATH)) {
      const project = backend.session.project;
      if (!project) return send(res, 404, 'no project open');
      try {
        const rel = decodeMediaPath(url.pathname.slice(BROWSER_MEDIA_PATH.length));
        const file = await resolveMediaPath(project.paths.dir, rel);
        const st = await stat(file);
        // no-store: the browser keeps no disk copy of a meme that may later be forgotten.
        res.writeHead(200, {
          'content-type': mediaType(file),
          'content-length': st.size,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        if (req.method === 'HEAD') return void res.end();
        createReadStream(file).pipe(res);
        return;
      } catch (err) {
        if (err instanceof MediaError) return send(res, err.status, err.message);
        throw err;
      }
    }

    if (url.pathname === '/favicon.ico') return send(res, 204, '');

    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': BROWSER_CSP,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
      });
      return void res.end(indexHtml);
    }

    // Built assets of the renderer only.
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
    const file = join(rendererDir, rel);
    if (!file.startsWith(rendererDir + sep) || rel.split(/[/\\]/).includes('..'))
      return send(res, 403, 'forbidden');
    const type = STATIC_TYPES[extname(file).toLowerCase()];
    if (!type) return send(res, 404, 'not found');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } catch {
      send(res, 404, 'not found');
    }
  };

  const server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, userMessage(err));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      for (const res of sse) res.end();
      // Event streams and keep-alive connections would hold close() open forever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
