// Shared test helpers: fixture paths and throwaway project folders.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const FIXTURES = fileURLToPath(new URL('../fixtures/fghm/', import.meta.url));
export const fixture = (name: string): string => join(FIXTURES, name);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const dirs: string[] = [];

/** A temp folder removed after the test. */
export async function tempDir(prefix = 'memejury-test-'): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

afterEach(async () => {
  while (dirs.length) await rm(dirs.pop() as string, { recursive: true, force: true });
});
