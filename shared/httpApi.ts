// Browser mode's HTTP protocol, shared by the server (electron/server) and the renderer's client:
// every contract call is `POST /api/<channel>` with a JSON body `{ args }`; backend events arrive
// as server-sent events on /events; images come from /media/ (shared/mediaUrl.ts).
//
// The session (electron/server/session.ts): the address `memejury serve` prints carries a
// one-time token. Exchanging it sets a cookie whose name holds the port (cookies ignore ports,
// so two servers never overwrite each other's) and hands the page a second token in the URL
// fragment, which never reaches a server and is kept in this origin's storage, out of cookies.
// Every API call carries that page token in the API header and an Origin of this server; images
// and the event stream (which cannot send headers) carry it in the query. A page on another
// port of 127.0.0.1 receives our cookie (browsers send it to every port) but never the page
// token, so replaying the cookie gets nothing.
export const API_PATH = '/api/';
export const API_HEADER = 'x-memejury';
export const EVENTS_PATH = '/events';
/** The query parameter of the one-time token in the printed address. */
export const TOKEN_QUERY = 'token';
/** The URL fragment parameter the page token arrives in (`/#session=…`). */
export const SESSION_FRAGMENT = 'session';
/** The query parameter of the page token on URLs that cannot carry headers (media, events). */
export const PAGE_TOKEN_QUERY = 'k';
/** Where the page keeps its token (localStorage is per origin, so per port). */
export const PAGE_TOKEN_STORAGE = 'memejury-page-token';

/** The session cookie's name: one per port. */
export function sessionCookieName(port: number): string {
  return `memejury_${port}`;
}

export function apiUrl(channel: string): string {
  return `${API_PATH}${encodeURIComponent(channel)}`;
}

/** A media or events URL with the page token added. */
export function withPageToken(url: string, token: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${PAGE_TOKEN_QUERY}=${encodeURIComponent(token)}`;
}
