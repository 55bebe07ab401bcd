// The media path guard (electron/services/media.ts): the only door from the renderer to files
// on disk, behind Electron's media:// and browser mode's /media/. Every case runs against real
// folders, files and symlinks.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkRelativeImagePath,
  decodeMediaPath,
  MediaError,
  mediaType,
  resolveMediaPath,
} from '../../electron/services/media';
import { electronMediaUrl as mediaUrl } from '../../shared/mediaUrl';
import { mediaRequestPath } from '../../electron/main/security';
import { tempDir } from './helpers';

interface Layout {
  base: string;
  root: string;
  outside: string;
}

/**
 * base/
 *   project/  img/deep/ok.png, img/a b.jpg, img/UP.PNG, img/%2e%2e.png, img/dir.png/ (a folder),
 *             notes.txt, .hidden.png, .memejury/secret.png, img/.cache/x.png,
 *             symlinks: img/link.png → ../outside/secret.png, img/linkdir → ../outside,
 *             img/alias.png → img/deep/ok.png (inside), img/tohidden.png → .memejury/secret.png,
 *             img/totext.png → notes.txt, img/dotdot.png → ../../outside/secret.png (relative)
 *   outside/  secret.png
 *   projlink → project (a project opened through a symlinked folder)
 */
async function layout(): Promise<Layout> {
  const base = await tempDir('memejury-media-');
  const root = join(base, 'project');
  const outside = join(base, 'outside');
  await mkdir(join(root, 'img/deep'), { recursive: true });
  await mkdir(join(root, 'img/dir.png'), { recursive: true });
  await mkdir(join(root, 'img/.cache'), { recursive: true });
  await mkdir(join(root, '.memejury'), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(join(root, 'img/deep/ok.png'), 'png');
  await writeFile(join(root, 'img/a b.jpg'), 'jpg');
  await writeFile(join(root, 'img/UP.PNG'), 'png');
  await writeFile(join(root, 'img/%2e%2e.png'), 'literal name');
  await writeFile(join(root, 'img/.cache/x.png'), 'png');
  await writeFile(join(root, 'notes.txt'), 'text');
  await writeFile(join(root, '.hidden.png'), 'x');
  await writeFile(join(root, '.memejury/secret.png'), 'x');
  await writeFile(join(outside, 'secret.png'), 'secret');
  await symlink(join(outside, 'secret.png'), join(root, 'img/link.png'));
  await symlink(outside, join(root, 'img/linkdir'));
  await symlink(join(root, 'img/deep/ok.png'), join(root, 'img/alias.png'));
  await symlink(join(root, '.memejury/secret.png'), join(root, 'img/tohidden.png'));
  await symlink(join(root, 'notes.txt'), join(root, 'img/totext.png'));
  await symlink('../../outside/secret.png', join(root, 'img/dotdot.png'));
  await symlink(root, join(base, 'projlink'));
  return { base, root, outside };
}

/** What a request for `urlPath` (still percent-encoded, as in the URL) gets. */
async function status(root: string, urlPath: string): Promise<number | 'ok'> {
  try {
    await resolveMediaPath(root, decodeMediaPath(urlPath));
    return 'ok';
  } catch (err) {
    if (err instanceof MediaError) return err.status;
    throw err;
  }
}

describe('media path guard', () => {
  it('serves a valid image at any depth, with encoded names and any extension case', async () => {
    const { root } = await layout();
    expect(await status(root, '/img/deep/ok.png')).toBe('ok');
    expect(await status(root, 'img/deep/ok.png')).toBe('ok');
    expect(await status(root, '/img/a%20b.jpg')).toBe('ok');
    expect(await status(root, '/img/UP.PNG')).toBe('ok');
    expect(await resolveMediaPath(root, 'img/deep/ok.png')).toBe(join(root, 'img/deep/ok.png'));
  });

  it('refuses ../ sequences', async () => {
    const { root } = await layout();
    for (const p of [
      '/../outside/secret.png',
      '/img/../../outside/secret.png',
      '/img/deep/../../../outside/secret.png',
      '/img/../img/deep/ok.png', // even when it would land inside
      '/./img/deep/ok.png',
      '/img//deep/ok.png',
      '/..',
    ])
      expect(await status(root, p), p).toBe(403);
  });

  it('refuses percent-encoded dots and separators (%2e%2e, %2F)', async () => {
    const { root } = await layout();
    for (const p of [
      '/%2e%2e/outside/secret.png',
      '/img/%2E%2E/%2E%2E/outside/secret.png',
      '/img/.%2e/.%2e/outside/secret.png',
      '/img%2F..%2F..%2Foutside%2Fsecret.png',
      '/%2E%2E%2Foutside%2Fsecret.png',
      '/%2Fetc%2Fpasswd.png',
    ])
      expect(await status(root, p), p).toBe(403);
  });

  it('decodes exactly once: a double-encoded %252e%252e is a file name, not a parent folder', async () => {
    const { root } = await layout();
    expect(decodeMediaPath('/img/%252e%252e.png')).toBe('img/%2e%2e.png');
    expect(await status(root, '/img/%252e%252e.png')).toBe('ok');
    expect(await status(root, '/img/%252e%252e/outside/secret.png')).toBe(404);
  });

  it('refuses absolute paths', async () => {
    const { root, outside } = await layout();
    expect(await status(root, `/${encodeURIComponent(join(outside, 'secret.png'))}`)).toBe(403);
    expect(await status(root, `${join(outside, 'secret.png')}`.replace(/^\//, '//'))).toBe(403);
    expect(await status(root, '//etc/passwd.png')).toBe(403);
    expect(() => checkRelativeImagePath(join(outside, 'secret.png'))).toThrow(MediaError);
  });

  it('refuses Windows drive paths, UNC paths and backslashes, plain or encoded (%5C)', async () => {
    const { root } = await layout();
    expect(await status(root, '/C:/Windows/x.png')).toBe(403);
    expect(await status(root, '/c:x.png')).toBe(403);
    expect(await status(root, '/C%3A%2FWindows%2Fx.png')).toBe(403);
    expect(await status(root, '/C%3A%5CWindows%5Cx.png')).toBe(400);
    expect(await status(root, '/%5C%5Cserver%5Cshare%5Cx.png')).toBe(400);
    expect(await status(root, '/img%5C..%5C..%5Coutside%5Csecret.png')).toBe(400);
    expect(await status(root, '/img\\deep\\ok.png')).toBe(400);
    expect(await status(root, '/..\\outside\\secret.png')).toBe(400);
  });

  it('refuses symlinks that lead out of the project (file, folder, relative target)', async () => {
    const { root } = await layout();
    expect(await status(root, '/img/link.png')).toBe(403);
    expect(await status(root, '/img/linkdir/secret.png')).toBe(403);
    expect(await status(root, '/img/dotdot.png')).toBe(403);
  });

  it('judges a symlink by its target: hidden or non-image targets are refused, images served', async () => {
    const { root } = await layout();
    expect(await status(root, '/img/tohidden.png')).toBe(403);
    expect(await status(root, '/img/totext.png')).toBe(403);
    expect(await status(root, '/img/alias.png')).toBe('ok');
    expect(await resolveMediaPath(root, 'img/alias.png')).toBe(join(root, 'img/deep/ok.png'));
  });

  it('works when the project folder itself is reached through a symlink', async () => {
    const { base, root } = await layout();
    const viaLink = join(base, 'projlink');
    expect(await resolveMediaPath(viaLink, 'img/deep/ok.png')).toBe(join(root, 'img/deep/ok.png'));
    expect(await status(viaLink, '/img/link.png')).toBe(403);
  });

  it('refuses NUL, plain or encoded', async () => {
    const { root } = await layout();
    expect(await status(root, '/img/deep/ok.png%00.txt')).toBe(400);
    expect(await status(root, '/img/deep/ok.png%00')).toBe(400);
    expect(await status(root, '/img/deep/ok.png\0')).toBe(400);
    expect(await status(root, '/img/%00/ok.png')).toBe(400);
  });

  it('refuses hidden files and folders (.memejury, dot-folders, dot-files)', async () => {
    const { root } = await layout();
    expect(await status(root, '/.hidden.png')).toBe(403);
    expect(await status(root, '/.memejury/secret.png')).toBe(403);
    expect(await status(root, '/%2Ememejury/secret.png')).toBe(403);
    expect(await status(root, '/img/.cache/x.png')).toBe(403);
  });

  it('refuses non-image extensions, folders named like images, and missing files', async () => {
    const { root } = await layout();
    expect(await status(root, '/notes.txt')).toBe(403);
    expect(await status(root, '/.memejury/project.json')).toBe(403);
    expect(await status(root, '/img/deep/ok.png.txt')).toBe(403);
    expect(await status(root, '/img/deep/ok.svg')).toBe(403);
    expect(await status(root, '/img/deep')).toBe(403);
    expect(await status(root, '/img/dir.png')).toBe(404);
    expect(await status(root, '/img/nope.png')).toBe(404);
    expect(await status(join(root, 'missing-project'), '/img/deep/ok.png')).toBe(404);
  });

  it('refuses empty, overlong and badly encoded paths', async () => {
    const { root } = await layout();
    expect(await status(root, '/')).toBe(400);
    expect(await status(root, '')).toBe(400);
    expect(await status(root, `/${'a/'.repeat(2100)}x.png`)).toBe(400);
    expect(await status(root, '/img/%E0%A4%A.png')).toBe(400);
    expect(await status(root, '/img/%zz.png')).toBe(400);
  });

  it('names the content type from the extension', () => {
    expect(mediaType('/p/img/a.png')).toBe('image/png');
    expect(mediaType('/p/img/a.JPG')).toBe('image/jpeg');
    expect(mediaType('/p/img/a.jpeg')).toBe('image/jpeg');
    expect(mediaType('/p/img/a.webp')).toBe('image/webp');
    expect(mediaType('/p/img/a.gif')).toBe('image/gif');
  });

  it('works end to end from the URL the preload builds', async () => {
    const { root } = await layout();
    for (const rel of ['img/deep/ok.png', 'img/a b.jpg', 'img/%2e%2e.png']) {
      const path = mediaRequestPath(mediaUrl(rel));
      expect(path, rel).not.toBeNull();
      expect(await status(root, path as string), rel).toBe('ok');
    }
    // The URL parser resolves dot segments before the guard sees the path; what is left must
    // still be inside the project.
    const dotted = mediaRequestPath('media://project/img/../../outside/secret.png');
    expect(dotted).toBe('/outside/secret.png');
    expect(await status(root, dotted as string)).toBe(404);
    expect(await status(root, mediaRequestPath(mediaUrl('../outside/secret.png')) as string)).toBe(404);
  });
});
