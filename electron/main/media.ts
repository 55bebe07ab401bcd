// media://project/<path>: the only way images reach the renderer. GET only; the path is
// decoded once, checked, resolved inside the open project (symlinks followed and re-checked)
// and limited to image extensions by electron/services/media.ts.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import type { Backend } from '../services/backend';
import { decodeMediaPath, MediaError, mediaType, resolveMediaPath } from '../services/media';
import { MEDIA_PRIVILEGES, MEDIA_SCHEME, mediaRequestPath } from '../services/security';

/** Must run before the app is ready. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { ...MEDIA_PRIVILEGES } }]);
}

export function handleMedia(backend: Backend): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response('GET only', { status: 405 });
    const project = backend.project;
    if (!project) return new Response('no project open', { status: 404 });
    const encoded = mediaRequestPath(request.url);
    if (encoded === null) return new Response('bad media URL', { status: 400 });
    try {
      const file = await resolveMediaPath(project.paths.dir, decodeMediaPath(encoded));
      return new Response(await readFile(file), {
        headers: {
          'content-type': mediaType(file),
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, max-age=3600',
        },
      });
    } catch (err) {
      if (err instanceof MediaError) return new Response(err.message, { status: err.status });
      return new Response('unreadable', { status: 500 });
    }
  });
}
