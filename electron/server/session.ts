// Browser mode's sessions (the protocol is described in shared/httpApi.ts): the one-time token
// of the printed address is exchanged for a cookie (per port) and a page token (kept out of
// cookies); a call is answered only with both, from this server's own origin. Tokens are
// compared in constant time as bytes, so a token of the right length in other characters is
// simply wrong (401), never an exception.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sessionCookieName } from '../../shared/httpApi';

const MAX_SESSIONS = 64;

export function sameToken(a: string | null | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A cookie's value by name, or null (also for a repeated or malformed cookie). */
export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie ?? '';
  let found: string | null = null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    if (found !== null) return null; // two cookies of one name: someone planted one
    found = part.slice(eq + 1).trim();
  }
  return found;
}

export interface PageSession {
  cookie: string;
  pageToken: string;
}

export class Sessions {
  /** cookie value → page token */
  private readonly live = new Map<string, string>();

  constructor(
    readonly port: number,
    private readonly oneTimeToken: string,
  ) {}

  get cookieName(): string {
    return sessionCookieName(this.port);
  }

  /** The origins our page has: the two host names the server answers to. */
  isOwnOrigin(origin: string | undefined): boolean {
    return origin === `http://127.0.0.1:${this.port}` || origin === `http://localhost:${this.port}`;
  }

  /** Exchanges the printed token for a new session, or null if it is wrong. */
  open(token: string): PageSession | null {
    if (!sameToken(token, this.oneTimeToken)) return null;
    while (this.live.size >= MAX_SESSIONS) this.live.delete(this.live.keys().next().value as string);
    const s = {
      cookie: randomBytes(32).toString('base64url'),
      pageToken: randomBytes(32).toString('base64url'),
    };
    this.live.set(s.cookie, s.pageToken);
    return s;
  }

  /** The page token of the request's session cookie, or null without a valid cookie. */
  pageTokenOf(req: IncomingMessage): string | null {
    const cookie = readCookie(req, this.cookieName);
    if (cookie === null) return null;
    for (const [c, page] of this.live) if (sameToken(cookie, c)) return page;
    return null;
  }

  /** Cookie and page token both belong to one live session. */
  verify(req: IncomingMessage, pageToken: string | null | undefined): boolean {
    const expected = this.pageTokenOf(req);
    return expected !== null && sameToken(pageToken, expected);
  }
}
