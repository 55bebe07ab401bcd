// Shared test helpers: fixture paths and throwaway project folders.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { Backend } from '../../electron/services/backend';

export const FIXTURES = fileURLToPath(new URL('../fixtures/fghm/', import.meta.url));
export const fixture = (name: string): string => join(FIXTURES, name);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built `memejury` command (package.json "bin"; built by vitest's global setup). */
export const CLI = join(
  ROOT,
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { memejury: string } }).bin
    .memejury,
);

const dirs: string[] = [];

/**
 * A temp folder removed after the test. `memory` puts it on tmpfs (/dev/shm) when there is one,
 * for tests that create 100k files: on a disk that costs minutes, not seconds.
 */
export async function tempDir(prefix = 'memejury-test-', memory = false): Promise<string> {
  const base = memory && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const d = await mkdtemp(join(base, prefix));
  dirs.push(d);
  return d;
}

afterEach(async () => {
  while (dirs.length) await rm(dirs.pop() as string, { recursive: true, force: true });
});

/** A backend as a transport sees it, with its settings in `user` and, optionally, a profile. */
export async function testBackend(user: string, annotator?: string): Promise<Backend> {
  const b = await Backend.create({
    mode: 'browser',
    version: 'test',
    settingsPath: join(user, 'settings.json'),
    demoSource: '/nonexistent',
    demoTarget: join(user, 'demo'),
  });
  if (annotator) await b.call('annotator:create', { id: annotator });
  return b;
}
