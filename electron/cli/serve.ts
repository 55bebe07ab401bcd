// `memejury serve`: browser mode. The built renderer and the same backend behind 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Backend } from '../services/backend';
import { serve } from '../server/server';
import { userDataDir } from '../services/userdata';
import { out } from './args';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServeCliOptions {
  project: string;
  port?: number;
  annotator?: string;
}

function ensureRenderer(): string {
  const dir = join(ROOT, 'out/renderer');
  if (!existsSync(join(dir, 'index.html'))) {
    process.stderr.write('building the renderer (first run)…\n');
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (r.status !== 0) throw new Error('renderer build failed: run "npm run build" and look at its errors');
  }
  return dir;
}

export async function runServe(opts: ServeCliOptions): Promise<void> {
  const rendererDir = ensureRenderer();
  const data = userDataDir();
  const backend = await Backend.create({
    mode: 'browser',
    version: process.env.npm_package_version ?? '0.1.0',
    settingsPath: join(data, 'settings.json'),
    demoSource: join(ROOT, 'electron/resources/demo'),
    demoTarget: join(data, 'demo-project'),
  });
  if (opts.annotator) await backend.settings.addAnnotator(opts.annotator);
  const project = await backend.call('project:open', { dir: opts.project });
  for (const w of [...project.warnings, ...project.problems]) process.stderr.write(`warning: ${w}\n`);
  const running = await serve({ backend, rendererDir, port: opts.port });
  out(`Meme Jury (browser mode) for ${project.name}: ${running.url}`);
  const stop = async (): Promise<void> => {
    await running.close();
    await backend.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await new Promise<never>(() => undefined);
}
