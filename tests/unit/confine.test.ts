// Path confinement (electron/services/confine.ts): the safe file names of browser mode, the one
// guard of write targets for the app and the CLI, and project:open of folders that are or are not
// there. The channels attacked as a hostile page would: confine-api.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWriteTarget, PathError, safeFileName } from '../../electron/services/confine';
import { CLI, ROOT } from './helpers';
import { backend, fixture, HOSTILE_NAMES, refused, tree } from './confineFixtures';

describe('safe file names (browser mode)', () => {
  it('keeps plain names, adds the extension once, and refuses everything else', () => {
    expect(safeFileName('gold', '.jsonl')).toBe('gold.jsonl');
    expect(safeFileName('gold.jsonl', '.jsonl')).toBe('gold.jsonl');
    expect(safeFileName(' team report v1.2 ', '.html')).toBe('team report v1.2.html');
    expect(safeFileName('dev_seen-gold', '.jsonl')).toBe('dev_seen-gold.jsonl');
    let refusedNames = 0;
    for (const name of HOSTILE_NAMES) {
      expect(() => safeFileName(name, '.jsonl'), JSON.stringify(name)).toThrow(PathError);
      refusedNames++;
    }
    expect(refusedNames).toBe(HOSTILE_NAMES.length);
  });
});

describe('write targets (one guard for the app and the CLI)', () => {
  it('refuses .memejury, item lists, images, hidden files, the project folder and folders', async () => {
    const f = await fixture();
    const bad = [
      '.memejury/governance.jsonl',
      '.memejury/annotations/ann-b.jsonl',
      '.memejury/project.json',
      '.memejury/adjudications.jsonl',
      '.memejury/new.jsonl',
      'items.jsonl',
      'gold.jsonl',
      'gold.json',
      'img/1.png',
      'img/new.jpg',
      '.git/config',
      '.hidden/gold.jsonl',
      '',
      'img',
    ];
    for (const rel of bad)
      await expect(checkWriteTarget(join(f.dir, rel), f.dir), rel).rejects.toThrow(PathError);
    // Through a symlinked folder that leads into .memejury, and into another project.
    await symlink(join(f.dir, '.memejury'), join(f.outside, 'meta'));
    await expect(checkWriteTarget(join(f.outside, 'meta/x.jsonl'))).rejects.toThrow(PathError);
    await expect(checkWriteTarget(join(f.dir, 'items.jsonl'))).rejects.toThrow(/item list/);
    // Anything else is the user's to name.
    expect(await checkWriteTarget(join(f.dir, 'exports/gold.jsonl'), f.dir)).toBe(
      join(f.dir, 'exports/gold.jsonl'),
    );
    expect(await checkWriteTarget(join(f.outside, 'gold.jsonl'), f.dir)).toBe(join(f.outside, 'gold.jsonl'));
  });

  it('memejury export --out refuses project files and changes nothing', async () => {
    const f = await fixture();
    const before = await tree(f.dir);
    let attempts = 0;
    for (const rel of [
      '.memejury/governance.jsonl',
      '.memejury/annotations/ann-b.jsonl',
      '.memejury/project.json',
      'items.jsonl',
      'img/1.png',
    ]) {
      const r = spawnSync(process.execPath, [CLI, 'export', '--project', f.dir, '--out', join(f.dir, rel)], {
        encoding: 'utf8',
        cwd: ROOT,
      });
      attempts++;
      expect(r.status, rel).not.toBe(0);
      expect(r.stderr, rel).toMatch(/not a place to write an export|never written by an export/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await tree(f.dir)).toStrictEqual(before);
    // Elsewhere it writes, as before.
    const ok = spawnSync(
      process.execPath,
      [CLI, 'export', '--project', f.dir, '--out', join(f.dir, 'exports/g.jsonl')],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(attempts).toBe(5);
  });
});

describe('project:open {create: true}', () => {
  it('makes only a meme folder a project; system, home and document folders are refused untouched', async () => {
    const f = await fixture();
    const b = await backend(f.user);
    const docs = join(f.base, 'documents');
    await mkdir(docs);
    await writeFile(join(docs, 'taxes.pdf'), 'pdf');
    await writeFile(join(docs, 'run.sh'), '#!/bin/sh');
    for (const dir of ['/', homedir(), '/etc', '/usr/lib', docs]) {
      const message = await refused(b.handle('project:open', { dir, create: true }));
      expect(message, dir).toMatch(/system or home folder|holds other files/);
    }
    expect(await readdir(docs)).toStrictEqual(['run.sh', 'taxes.pdf']);
    // A folder of memes (images, item lists, notes) becomes a project.
    const memes = join(f.base, 'memes');
    await mkdir(join(memes, 'img'), { recursive: true });
    await writeFile(join(memes, 'img/1.png'), 'png');
    await writeFile(join(memes, 'README.md'), '# memes');
    const opened = await b.call('project:open', { dir: memes, create: true });
    expect(opened.items).toBe(1);
    // An existing project opens with create as without it.
    expect((await b.call('project:open', { dir: f.dir, create: true })).name).toBe('confine');
    await b.dispose();
  });
});

describe('project:open of a folder that is not there', () => {
  it('is an error, with or without create, and makes no folder', async () => {
    const f = await fixture();
    const b = await backend(f.user);
    const missing = join(f.base, 'not-there');
    for (const create of [false, true])
      expect(await refused(b.handle('project:open', { dir: missing, create }))).toMatch(
        /does not exist|cannot be read/,
      );
    expect(await readdir(f.base)).not.toContain('not-there');
    await b.dispose();
  });
});
