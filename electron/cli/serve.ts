// `memejury serve`: browser mode. The built renderer and the same backend behind 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { version } from '../../package.json';
import { Backend } from '../services/backend';
import { serve } from '../server/server';
import type { Log } from '../services/log';
import { UserError } from '../services/errors';
import { userDataDir } from '../services/userdata';
import { out } from './args';
import { demoDir, rendererDir, repositoryRoot } from './assets';
import { openBrowser } from './openBrowser';

export interface ServeCliOptions {
  /** The project folder; without one, the embedded demo (copied once to the user-data folder). */
  project?: string;
  port?: number;
  annotator?: string;
  /** Start in lead mode (a project without a lead makes the annotator its lead, on the record). */
  lead?: boolean;
  /** Open the address in the system browser, where there is one. */
  open?: boolean;
  /** Where the page's exports and reports go (default: the project's exports/ folder). */
  exports?: string;
  /** A folder the page may import from, besides the project folder. */
  imports?: string;
}

function ensureRenderer(): string {
  const dir = rendererDir();
  const root = repositoryRoot();
  if (!existsSync(join(dir, 'index.html')) && root) {
    process.stderr.write('building the renderer (first run)…\n');
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (r.status !== 0) throw new Error('renderer build failed: run "npm run build" and look at its errors');
  }
  return dir;
}

export async function runServe(opts: ServeCliOptions): Promise<void> {
  const data = userDataDir();
  // Settings and the log live there: a folder that cannot be made is said in words, first.
  await mkdir(data, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(
      `cannot make the settings folder ${data} (${err.code ?? err.message}): set MEMEJURY_USER_DATA to a folder you can write`,
    );
  });
  // Browser mode's log, <user data>/logs/serve.log; loaded here only, so other commands start fast.
  const log = (await import('../services/log')).startLog(data, 'serve', false);
  try {
    await serveUntilStopped(opts, data, log);
  } catch (err) {
    log.error(`browser mode stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    throw err;
  }
}

async function serveUntilStopped(opts: ServeCliOptions, data: string, log: Log): Promise<void> {
  log.info(`Meme Jury ${version} browser mode starting (Node ${process.versions.node}, ${process.platform})`);
  const rendererDir = ensureRenderer();
  const backend = await Backend.create({
    mode: 'browser',
    version,
    settingsPath: join(data, 'settings.json'),
    demoSource: demoDir(),
    demoTarget: join(data, 'demo-project'),
    exportsDir: opts.exports ? resolve(opts.exports) : undefined,
    importsDir: opts.imports ? resolve(opts.imports) : undefined,
  });
  if (opts.annotator) await backend.settings.addAnnotator(opts.annotator);
  const opened = opts.project
    ? await backend.call('project:open', { dir: opts.project })
    : await backend.call('project:openDemo', undefined);
  if (opts.lead && !opts.annotator) throw new Error('--lead needs --annotator <id>: lead mode is a person');
  const project = opts.lead ? await backend.call('lead:set', { on: true }) : opened;
  for (const w of [...project.warnings, ...project.problems]) {
    process.stderr.write(`warning: ${w}\n`);
    log.warn(w);
  }
  const running = await serve({ backend, rendererDir, port: opts.port });
  out(`Meme Jury (browser mode) for ${project.name}: ${running.url}`);
  // The address carries the token: the log records the port only.
  log.info(`serving ${project.dir} (${project.items} items) on 127.0.0.1:${running.port}`);
  if (opts.open && openBrowser(running.url)) out('opened in your browser; Ctrl+C stops the server');
  // While the browser loads the page, compute what the labeling screen asks for first (the queue
  // order and this profile's counts are cached by the backend), so the first meme comes sooner.
  setImmediate(() => {
    backend
      .call('progress:get', undefined)
      .then(() => backend.call('queue:list', { filter: 'todo' }))
      .catch(() => undefined); // no profile or no queue yet: the page asks again and says why
  });
  const stop = async (): Promise<void> => {
    log.info('browser mode stopping');
    await running.close();
    await backend.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await new Promise<never>(() => undefined);
}
