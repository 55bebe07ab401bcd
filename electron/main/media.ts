// media://project/<path>: the only way project images reach the renderer (never file://, which
// would need webSecurity off or expose the whole disk). GET only; the path is decoded once,
// checked, resolved inside the open project (symlinks followed and re-checked) and limited to
// image files by electron/services/media.ts, the same guard browser mode's /media/ route uses.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { MEDIA_SCHEME } from '../../shared/mediaUrl';
import type { Backend } from '../services/backend';
import { decodeMediaPath, MediaError, mediaType, resolveMediaPath } from '../services/media';
import { MEDIA_PRIVILEGES, mediaRequestPath } from './security';

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { ...MEDIA_PRIVILEGES } }]);
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

/** Serves images of whatever project the backend has open at the time of each request. */
export function handleMedia(backend: Backend): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    if (request.method !== 'GET') return text(405, 'GET only', { allow: 'GET' });
    const encoded = mediaRequestPath(request.url);
    if (encoded === null) return text(400, 'bad media URL');
    const project = backend.session.project;
    if (!project) return text(404, 'no project open');
    try {
      const file = await resolveMediaPath(project.paths.dir, decodeMediaPath(encoded));
      return new Response(await readFile(file), {
        headers: {
          'content-type': mediaType(file),
          // The type comes from the extension; never let the browser guess another one.
          'x-content-type-options': 'nosniff',
          // No copy in any cache: a meme may be forgotten later, and must then leave no trace.
          'cache-control': 'no-store',
        },
      });
    } catch (err) {
      if (err instanceof MediaError) return text(err.status, err.message);
      return text(500, 'unreadable');
    }
  });
}
