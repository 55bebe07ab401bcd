// Path confinement (electron/services/confine.ts): every channel that takes a path or a name is
// attacked as a hostile page would, in browser mode and with Electron's dialogs; the project's own
// files and everything outside the exports folder must come out byte for byte unchanged, and no
// error may quote what a file holds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/services/backend';
import { checkWriteTarget, PathError, safeFileName } from '../../electron/services/confine';
import type { Platform } from '../../electron/services/context';
import { initProject } from '../../electron/services/project';
import { CLI, ROOT, tempDir } from './helpers';

const SECRET = 'TOPSECRET-4f1c9a';

/**
 * Every file under `dir` (symlinks as "link") with the sha256 of its bytes; the lock files of
 * running apps come and go with them and are left out.
 */
async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.name === 'locks' && d.endsWith('.memejury')) continue;
      if (e.isSymbolicLink()) out.set(relative(dir, p), 'link');
      else if (e.isDirectory()) await walk(p);
      else
        out.set(
          relative(dir, p),
          createHash('sha256')
            .update(await readFile(p))
            .digest('hex'),
        );
    }
  };
  await walk(dir);
  return out;
}

interface Fixture {
  base: string;
  dir: string;
  outside: string;
  user: string;
}

/**
 * base/
 *   project/   items.jsonl, img/1.png, .memejury/{project.json, annotations/ann-b.jsonl,
 *              adjudications.jsonl, governance.jsonl}, notes.jsonl (not JSON: holds SECRET),
 *              link.jsonl → ../outside/secret.jsonl, img/escape.png → ../../outside/secret.jsonl
 *   outside/   secret.jsonl, secret.csv (hold SECRET)
 */
async function fixture(): Promise<Fixture> {
  const base = await tempDir('memejury-confine-');
  const dir = join(base, 'project');
  const outside = join(base, 'outside');
  await mkdir(join(dir, 'img'), { recursive: true });
  await mkdir(outside);
  await initProject(dir, { name: 'confine' });
  const config = JSON.parse(await readFile(join(dir, '.memejury/project.json'), 'utf8'));
  config.roster = [{ id: 'lead-1', role: 'lead' }];
  await writeFile(join(dir, '.memejury/project.json'), JSON.stringify(config, null, 2) + '\n');
  await writeFile(
    join(dir, 'items.jsonl'),
    [1, 2, 3].map((id) => JSON.stringify({ id, img: `img/${id}.png`, text: `meme ${id}` })).join('\n') + '\n',
  );
  await writeFile(join(dir, 'img/1.png'), 'png bytes');
  const line = (item: number, annotator: string) =>
    JSON.stringify({
      v: 1,
      item,
      annotator,
      hate: 'not_hateful',
      pc: [],
      attack: [],
      at: '2026-01-01T00:00:00.000Z',
      ms: 1,
      note: '',
      flag: false,
    }) + '\n';
  await writeFile(join(dir, '.memejury/annotations/ann-b.jsonl'), line(1, 'ann-b'));
  await writeFile(join(dir, '.memejury/annotations/ann-c.jsonl'), line(1, 'ann-c'));
  await writeFile(join(dir, '.memejury/adjudications.jsonl'), '');
  await writeFile(join(dir, '.memejury/governance.jsonl'), '');
  await writeFile(join(dir, 'notes.txt'), `${SECRET} root:x:0:0\n`);
  await writeFile(join(outside, 'secret.jsonl'), `root:x:0:0:${SECRET}:/root:/bin/bash\n`);
  await writeFile(join(outside, 'secret.csv'), `id,source\n1,${SECRET}\n`);
  await symlink(join(outside, 'secret.jsonl'), join(dir, 'link.jsonl'));
  await symlink('../../outside/secret.jsonl', join(dir, 'img/escape.png'));
  return { base, dir, outside, user: await tempDir() };
}

async function backend(user: string, extra: Partial<Platform> = {}): Promise<Backend> {
  const b = await Backend.create({
    mode: extra.chooseSaveFile ? 'electron' : 'browser',
    version: 'test',
    settingsPath: join(user, 'settings.json'),
    demoSource: '/nonexistent',
    demoTarget: join(user, 'demo'),
    ...extra,
  });
  await b.call('annotator:create', { id: 'lead-1' });
  return b;
}

/** Runs a call that must be refused; returns its message. */
async function refused(p: Promise<unknown>): Promise<string> {
  const r = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(r, 'the call was accepted').toBeInstanceOf(Error);
  return (r as Error).message;
}

const HOSTILE_NAMES = [
  '../gold',
  '../../gold',
  '../items',
  '..',
  '.',
  '.hidden',
  '.memejury/governance',
  '.memejury/project',
  'exports/../../items',
  'a/b',
  'a\\b',
  '/etc/passwd',
  '/tmp/x',
  'C:\\Windows\\x',
  '\\\\server\\share\\x',
  'file:///etc/passwd',
  '%2e%2e%2fitems',
  'gold\u0000.jsonl',
  'gold\n',
  'x'.repeat(200),
  '',
  '   ',
  '-',
  'gold.',
  '.gold',
  'gold..x',
  'CON',
  'nul.txt',
  'gold.manifest',
  'team.manifest',
  '~/gold',
  'gold/',
  'ann-b.jsonl/..',
  'émoji-😀',
  'gold*?',
  'gold|rm',
  '$(id)',
  '<script>',
];

const HOSTILE_READS = (f: Fixture): string[] => [
  '/etc/passwd',
  join(f.outside, 'secret.jsonl'),
  '../outside/secret.jsonl',
  '../../etc/passwd',
  'img/../../outside/secret.jsonl',
  'link.jsonl',
  'img/escape.png',
  '.memejury/project.json',
  '.memejury/annotations/ann-b.jsonl',
  'img/./1.png',
  '.',
  'img',
  'img/',
  'file:///etc/passwd',
  'C:\\secret.jsonl',
  'C:/secret.jsonl',
  '\\\\server\\share',
  'items.jsonl\u0000.png',
  'missing.jsonl',
  'notes.txt',
];

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

describe('the API never writes where the user did not choose', () => {
  it('browser mode: names only, under exports/; every hostile name and path is refused and changes nothing', async () => {
    const f = await fixture();
    const b = await backend(f.user);
    await b.call('project:open', { dir: f.dir });
    const before = await tree(f.base);
    let attacks = 0;
    // The old shape (a path) is no longer part of the contract.
    for (const out of [join(f.dir, '.memejury/governance.jsonl'), '/tmp/x.jsonl']) {
      await refused(b.handle('export:run', { options: { format: 'fghm' }, out }));
      await refused(b.handle('stats:exportReport', { format: 'json', out }));
      attacks += 2;
    }
    for (const name of HOSTILE_NAMES) {
      await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { name } }));
      for (const format of ['json', 'csv', 'html'])
        await refused(b.handle('stats:exportReport', { format, to: { name } }));
      attacks += 4;
    }
    // Handles are Electron's, issued by main's dialog: a made-up one is refused.
    await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { handle: 'A'.repeat(24) } }));
    await refused(b.handle('stats:exportReport', { format: 'csv', to: { handle: 'B'.repeat(24) } }));
    expect(await refused(b.handle('export:chooseTarget', { format: 'fghm' }))).toMatch(/give a file name/);
    attacks += 3;
    expect(await tree(f.base)).toStrictEqual(before);

    // exports/ replaced by a symlink into .memejury: still refused.
    await symlink(join(f.dir, '.memejury'), join(f.dir, 'exports'));
    await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { name: 'governance' } }));
    await refused(b.handle('stats:exportReport', { format: 'json', to: { name: 'project' } }));
    attacks += 2;
    expect((await tree(f.dir)).get('.memejury/governance.jsonl')).toBe(
      before.get('project/.memejury/governance.jsonl'),
    );
    await b.dispose();
    console.log(`path confinement: ${attacks} hostile write calls refused, project unchanged`);
  });

  it('browser mode: a plain name is written under exports/ with its manifest, and reports beside it', async () => {
    const f = await fixture();
    const b = await backend(f.user);
    await b.call('project:open', { dir: f.dir });
    const run = await b.call('export:run', { options: { format: 'fghm' }, to: { name: 'gold' } });
    expect(run.out).toBe(join(f.dir, 'exports/gold.jsonl'));
    expect(run.manifest).toBe(join(f.dir, 'exports/gold.manifest.json'));
    const manifest = JSON.parse(await readFile(run.manifest as string, 'utf8')) as { sha256: string };
    expect(manifest.sha256).toBe(
      createHash('sha256')
        .update(await readFile(run.out))
        .digest('hex'),
    );
    for (const format of ['json', 'csv', 'html'] as const) {
      const r = await b.call('stats:exportReport', { format, to: { name: 'team report' } });
      expect(r.out).toBe(join(f.dir, `exports/team report.${format}`));
      expect((await stat(r.out)).size).toBeGreaterThan(0);
    }
    await b.dispose();
  });

  it('browser mode with --exports: names go to that folder, which may not be the project itself', async () => {
    const f = await fixture();
    const elsewhere = join(f.base, 'out');
    const b = await backend(f.user, { exportsDir: elsewhere });
    await b.call('project:open', { dir: f.dir });
    expect((await b.call('export:run', { options: { format: 'full' }, to: { name: 'gold' } })).out).toBe(
      join(elsewhere, 'gold.jsonl'),
    );
    await b.dispose();
    const before = await tree(f.dir);
    const into = await backend(await tempDir(), { exportsDir: f.dir });
    await into.call('project:open', { dir: f.dir });
    expect(
      await refused(into.handle('export:run', { options: { format: 'fghm' }, to: { name: 'items' } })),
    ).toMatch(/item list/);
    await into.dispose();
    expect(await tree(f.dir)).toStrictEqual(before);
  });

  it('Electron: paths come only from main’s dialog, behind single-use handles of one purpose', async () => {
    const f = await fixture();
    let chosen: string | null = join(f.outside, 'picked.jsonl');
    let askedFile = 0;
    const b = await backend(f.user, {
      chooseFolder: async () => null,
      chooseFile: async () => {
        askedFile++;
        return null;
      },
      chooseSaveFile: async () => chosen,
    });
    await b.call('project:open', { dir: f.dir });
    await b.call('lead:set', { on: true });
    const target = await b.call('export:chooseTarget', { format: 'fghm' });
    expect(target?.label).toBe('picked.jsonl');
    expect(target?.handle).not.toContain('picked');
    const run = await b.call('export:run', { options: { format: 'fghm' }, to: { handle: target!.handle } });
    expect(run.out).toBe(chosen);
    // Used once: a second run with the same handle is refused.
    await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { handle: target!.handle } }));
    // A report handle is not an export handle.
    chosen = join(f.outside, 'report.html');
    const report = await b.call('stats:chooseReportTarget', { format: 'html' });
    await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { handle: report!.handle } }));
    // A dialog answer inside .memejury is refused at once.
    const before = await tree(f.dir);
    chosen = join(f.dir, '.memejury/governance.jsonl');
    expect(await refused(b.handle('export:chooseTarget', { format: 'fghm' }))).toMatch(/never written/);
    chosen = join(f.dir, 'items.jsonl');
    await refused(b.handle('stats:chooseReportTarget', { format: 'json' }));
    chosen = null;
    expect(await b.call('export:chooseTarget', { format: 'fghm' })).toBeNull();
    // Reading channels take no path from the page at all.
    for (const [channel, arg] of [
      ['project:import', { file: 'items.jsonl' }],
      ['score:run', { pred: 'items.jsonl' }],
      ['rights:importProvenance', { file: 'x.csv' }],
    ] as const)
      expect(await refused(b.handle(channel, arg)), channel).toMatch(/dialog/);
    expect(askedFile).toBe(0);
    expect(await b.call('project:import', {})).toBeNull();
    expect(askedFile).toBe(1);
    expect(await tree(f.dir)).toStrictEqual(before);
    await b.dispose();
  });
});

describe('reading channels (browser mode)', () => {
  it('read only inside the project or --imports folder, and never quote what a file holds', async () => {
    const f = await fixture();
    const b = await backend(f.user);
    await b.call('project:open', { dir: f.dir });
    await b.call('lead:set', { on: true });
    const before = await tree(f.base);
    let attacks = 0;
    for (const file of HOSTILE_READS(f)) {
      for (const [channel, arg] of [
        ['project:import', { file }],
        ['score:run', { pred: file }],
        ['rights:importProvenance', { file }],
      ] as const) {
        const message = await refused(b.handle(channel, arg));
        expect(message, `${channel} ${file}`).not.toMatch(/TOPSECRET|root:x|4f1c9a/);
        expect(message, `${channel} ${file}`).not.toContain('root:x');
        attacks++;
      }
    }
    expect(await tree(f.base)).toStrictEqual(before);
    // The imports folder adds a place to read from, and confines just the same.
    const withImports = await backend(await tempDir(), { importsDir: f.outside });
    await b.dispose();
    await withImports.call('project:open', { dir: f.dir });
    for (const file of ['secret.jsonl', 'secret.csv', '../project/items.jsonl']) {
      for (const [channel, arg] of [
        ['project:import', { file }],
        ['score:run', { pred: file }],
      ] as const) {
        const message = await refused(withImports.handle(channel, arg));
        expect(message, `${channel} ${file}`).not.toMatch(/TOPSECRET|root:x|4f1c9a/);
        attacks++;
      }
    }
    await withImports.dispose();
    expect(await tree(f.base)).toStrictEqual(before);
    console.log(`path confinement: ${attacks} hostile read calls refused, no file content echoed`);
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
