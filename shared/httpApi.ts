// Browser mode's HTTP protocol, shared by the server (electron/server) and the renderer's client:
// every contract call is `POST /api/<channel>` with a JSON body `{ args }` and the API header
// (which no other site can send without a CORS preflight, never granted); backend events arrive
// as server-sent events on /events; images come from /media/ (shared/mediaUrl.ts).
export const API_PATH = '/api/';
export const API_HEADER = 'x-memejury';
export const EVENTS_PATH = '/events';

export function apiUrl(channel: string): string {
  return `${API_PATH}${encodeURIComponent(channel)}`;
}
