// The hostile page of the confinement tests: a project with secrets beside it, backends for it,
// and the names and reads an attacker tries (confine*.test.ts).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { Backend } from '../../electron/services/backend';
import type { Platform } from '../../electron/services/context';
import { initProject } from '../../electron/services/project';
import { tempDir } from './helpers';

export const SECRET = 'TOPSECRET-4f1c9a';

/**
 * Every file under `dir` (symlinks as "link") with the sha256 of its bytes; the lock files of
 * running apps come and go with them and are left out.
 */
export async function tree(dir: string): Promise<Map<string, string>> {
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

export interface Fixture {
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
export async function fixture(): Promise<Fixture> {
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

export async function backend(user: string, extra: Partial<Platform> = {}): Promise<Backend> {
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
export async function refused(p: Promise<unknown>): Promise<string> {
  const r = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(r, 'the call was accepted').toBeInstanceOf(Error);
  return (r as Error).message;
}

export const HOSTILE_NAMES = [
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

export const HOSTILE_READS = (f: Fixture): string[] => [
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
