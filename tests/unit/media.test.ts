// The media path guard: the only door from the renderer to files on disk.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMediaPath, MediaError, resolveMediaPath } from '../../electron/services/media';
import { mediaRequestPath } from '../../electron/services/security';
import { tempDir } from './helpers';

async function layout(): Promise<{ root: string; outside: string }> {
  const base = await tempDir();
  const root = join(base, 'project');
  const outside = join(base, 'outside');
  await mkdir(join(root, 'img/deep'), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(join(root, 'img/deep/ok.png'), 'png');
  await writeFile(join(root, 'img/a b.jpg'), 'jpg');
  await writeFile(join(root, 'notes.txt'), 'text');
  await writeFile(join(root, '.hidden.png'), 'x');
  await writeFile(join(outside, 'secret.png'), 'secret');
  await symlink(join(outside, 'secret.png'), join(root, 'img/link.png'));
  await symlink(outside, join(root, 'img/linkdir'));
  return { root, outside };
}

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
  it('serves images inside the project, at any depth, with encoded names', async () => {
    const { root } = await layout();
    expect(await status(root, '/img/deep/ok.png')).toBe('ok');
    expect(await status(root, '/img/a%20b.jpg')).toBe('ok');
    expect(await resolveMediaPath(root, 'img/deep/ok.png')).toMatch(/img\/deep\/ok\.png$/);
  });

  it('refuses ../ sequences, plain or encoded', async () => {
    const { root } = await layout();
    for (const p of [
      '/../outside/secret.png',
      '/img/../../outside/secret.png',
      '/%2e%2e/outside/secret.png',
      '/img%2F..%2F..%2Foutside%2Fsecret.png',
      '/img/%2E%2E/%2E%2E/outside/secret.png',
      '/./img/deep/ok.png',
    ])
      expect(await status(root, p), p).toBe(403);
  });

  it('refuses absolute paths, drive letters, backslashes and encoded backslashes', async () => {
    const { root, outside } = await layout();
    expect(await status(root, `/${encodeURIComponent(join(outside, 'secret.png'))}`)).toBe(403);
    expect(await status(root, '//etc/passwd.png')).toBe(403);
    expect(await status(root, '/C:/Windows/x.png')).toBe(403);
    expect(await status(root, '/img%5C..%5C..%5Coutside%5Csecret.png')).toBe(400);
    expect(await status(root, '/img\\deep\\ok.png')).toBe(400);
  });

  it('refuses symlinks that lead out of the project (file or folder)', async () => {
    const { root } = await layout();
    expect(await status(root, '/img/link.png')).toBe(403);
    expect(await status(root, '/img/linkdir/secret.png')).toBe(403);
  });

  it('refuses NUL, bad encoding, hidden files, non-images and missing files', async () => {
    const { root } = await layout();
    expect(await status(root, '/img/ok.png%00.txt')).toBe(400);
    expect(await status(root, '/img/%E0%A4%A.png')).toBe(400);
    expect(await status(root, '/.hidden.png')).toBe(403);
    expect(await status(root, '/notes.txt')).toBe(403);
    expect(await status(root, '/img/nope.png')).toBe(404);
    expect(await status(root, '/')).toBe(400);
  });

  it('works end to end from a media:// URL', async () => {
    const { root } = await layout();
    const path = mediaRequestPath('media://project/img/deep/ok.png');
    expect(path).not.toBeNull();
    expect(await status(root, path as string)).toBe('ok');
    // URL parsing normalises dot segments before we see them; what is left must still be inside.
    const dotted = mediaRequestPath('media://project/img/../../outside/secret.png');
    expect(await status(root, dotted as string)).not.toBe('ok');
  });
});
