// Where the CLI finds what it ships with, from wherever it runs: the sources (electron/cli, run by
// tests through tsx), the build (out/cli) or an installed app (resources/bin, beside
// resources/renderer and resources/demo, as electron-builder's extraResources put them).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** The repository, when the CLI runs from one (out/cli or electron/cli): null when installed. */
export function repositoryRoot(): string | null {
  const root = join(HERE, '../..');
  return existsSync(join(root, 'electron.vite.config.ts')) ? root : null;
}

/** The built renderer: out/renderer (build) or resources/renderer (installed). */
export function rendererDir(): string {
  const root = repositoryRoot();
  return join(root ?? join(HERE, '..'), root ? 'out/renderer' : 'renderer');
}

/** The embedded demo project: electron/resources/demo (repository) or resources/demo (installed). */
export function demoDir(): string {
  const root = repositoryRoot();
  return root ? join(root, 'electron/resources/demo') : join(HERE, '../demo');
}

/** The NLTK reference script, shipped beside the CLI (reference/nltk_agreement.py). */
export function nltkScript(): string {
  return join(HERE, 'reference/nltk_agreement.py');
}
