// Browser mode: the same Backend and contract behind a local HTTP server, serving the built
// renderer. Bound to 127.0.0.1 only. The token printed once in the address is exchanged for a
// session (session.ts, shared/httpApi.ts): a SameSite=Strict HttpOnly cookie named for this port
// and a page token kept out of cookies, which every API call carries in a custom header (so
// other sites cannot send it without a CORS preflight, never granted) from our own Origin; the
// Host header must be ours (DNS rebinding). Malformed requests are a 400, failed
// authentication a 401, a foreign origin or host a 403: never a 500.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { ApiArgError, isChannel, type ApiEvents } from '../../shared/api';
import { BROWSER_CSP } from '../../shared/csp';
import {
  API_HEADER,
  API_PATH,
  EVENTS_PATH,
  PAGE_TOKEN_QUERY,
  SESSION_FRAGMENT,
  TOKEN_QUERY,
} from '../../shared/httpApi';
import { BROWSER_MEDIA_PATH } from '../../shared/mediaUrl';
import { errorReply, okReply } from '../../shared/reply';
import type { Backend } from '../services/backend';
import { userMessage } from '../services/errors';
import { decodeMediaPath, MediaError, mediaType, resolveMediaPath } from '../services/media';
import { Sessions } from './session';

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

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** The request body as UTF-8 text; too large (drained, then refused) or not UTF-8: ApiArgError. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is drained unread, so the client still gets its answer; a
      // client that never stops is cut off.
      if (size > MAX_BODY * 8) req.destroy();
      else if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return reject(new ApiArgError('request body too large'));
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new ApiArgError('the body is not UTF-8'));
      }
    });
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
  let sessions: Sessions | null = null;
  const json = (res: ServerResponse, status: number, error: string): void =>
    send(res, status, JSON.stringify(errorReply(error)), 'application/json');

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const s = sessions as Sessions;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return send(res, 400, 'bad request');
    }
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, 'bad host');

    // The printed token arrives once in the URL: it becomes this port's cookie and a page token
    // in the fragment (never sent to any server), and leaves the address.
    const queryToken = url.searchParams.get(TOKEN_QUERY);
    if (queryToken !== null) {
      if (req.method !== 'GET') return send(res, 405, 'GET only');
      const opened = s.open(queryToken);
      if (!opened) return send(res, 401, 'wrong token: open the address printed by "memejury serve"');
      res.writeHead(303, {
        'set-cookie': `${s.cookieName}=${opened.cookie}; HttpOnly; SameSite=Strict; Path=/`,
        location: `/#${SESSION_FRAGMENT}=${opened.pageToken}`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      return void res.end();
    }
    if (s.pageTokenOf(req) === null) return send(res, 401, 'open the address printed by "memejury serve"');

    if (url.pathname.startsWith(API_PATH)) {
      if (req.method !== 'POST') return send(res, 405, 'POST only');
      // Our page's fetch always sends its Origin; anything else is another site or a script.
      if (!s.isOwnOrigin(req.headers.origin)) return json(res, 403, 'refused: not this server’s page');
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin')
        return json(res, 403, 'refused: a cross-site request');
      const header = req.headers[API_HEADER];
      if (!s.verify(req, typeof header === 'string' ? header : null))
        return json(
          res,
          401,
          'this page’s session ended: open the address printed by "memejury serve" again',
        );
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice(API_PATH.length));
      } catch {
        return json(res, 400, 'bad percent-encoding in the channel name');
      }
      if (!isChannel(channel))
        return json(res, 404, `unknown channel "${channel.replace(/[^\x20-\x7e]/g, '?').slice(0, 80)}"`);
      try {
        const body = await readBody(req);
        let args: unknown;
        if (body !== '') {
          const parsed = JSON.parse(body) as unknown;
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            return json(res, 400, 'the body must be a JSON object {"args": …}');
          args = (parsed as { args?: unknown }).args;
        }
        const result = await backend.handle(channel, args);
        return send(res, 200, JSON.stringify(okReply(result)), 'application/json');
      } catch (err) {
        if (err instanceof SyntaxError) return json(res, 400, 'the body is not valid JSON');
        return json(res, err instanceof ApiArgError ? 400 : 200, userMessage(err));
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');

    // Images and the event stream cannot send headers: they carry the page token in the query.
    const queryPageToken = url.searchParams.get(PAGE_TOKEN_QUERY);
    if (url.pathname === EVENTS_PATH) {
      if (!s.verify(req, queryPageToken)) return send(res, 401, 'missing or wrong page token');
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
      if (!s.verify(req, queryPageToken)) return send(res, 401, 'missing or wrong page token');
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
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'bad percent-encoding');
    }
    const rel = normalize(decoded).replace(/^[/\\]+/, '');
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
  sessions = new Sessions(port, token);
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?${TOKEN_QUERY}=${token}`,
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
