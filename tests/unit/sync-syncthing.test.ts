// Team sync with Syncthing (Debian's package): two instances on 127.0.0.1, no discovery, relays
// or internet, share one project folder. Annotator A's app and the lead's app run on one copy,
// annotator B's app on the other; Syncthing writes each synced file to a temp name and renames it
// into place (a new file every time), which the apps must read from its start. The lead sees
// B's labels within 2 s of Syncthing delivering them, and A's app sees the lead's decision.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initProject } from '../../electron/services/project';
import { tempDir, testBackend } from './helpers';

function syncthingBinary(): string | null {
  try {
    execFileSync('syncthing', ['--version'], { stdio: 'ignore' });
    return 'syncthing';
  } catch {
    return null;
  }
}

const binary = syncthingBinary();

/** Ports handed out so far: the OS may give a just-released port again, and two instances' ports must differ. */
const given = new Set<number>();

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    if (!given.has(port)) {
      given.add(port);
      return port;
    }
  }
}

interface Instance {
  home: string;
  folder: string;
  id: string;
  port: number;
  gui: number;
}

async function instance(base: string, name: string): Promise<Instance> {
  const home = join(base, `st-${name}`);
  execFileSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], { stdio: 'ignore' });
  const id = execFileSync('syncthing', ['--device-id', `--home=${home}`], { encoding: 'utf8' }).trim();
  const folder = join(base, name);
  await mkdir(join(folder, '.stfolder'), { recursive: true });
  // Per-machine files stay per machine, as git's .gitignore keeps them; so do temp files.
  await writeFile(join(folder, '.stignore'), '.memejury/locks\n(?d).*.tmp\n');
  return { home, folder, id, port: await freePort(), gui: await freePort() };
}

function config(self: Instance, other: Instance): string {
  const device = (d: Instance, n: string) =>
    `<device id="${d.id}" name="${n}" compression="metadata" introducer="false"><address>tcp://127.0.0.1:${d.port}</address><paused>false</paused><autoAcceptFolders>false</autoAcceptFolders></device>`;
  return `<configuration version="36">
  <folder id="memejury" label="memejury" path="${self.folder}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
    <filesystemType>basic</filesystemType>
    <device id="${self.id}"></device>
    <device id="${other.id}"></device>
    <minDiskFree unit="%">0</minDiskFree>
    <markerName>.stfolder</markerName>
  </folder>
  ${device(self, 'self')}
  ${device(other, 'other')}
  <gui enabled="true" tls="false"><address>127.0.0.1:${self.gui}</address><apikey>memejury-test</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${self.port}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
`;
}

const until = async (what: () => Promise<boolean> | boolean, ms: number, label: string): Promise<number> => {
  const t0 = Date.now();
  while (!(await what())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - t0;
};

// Where Debian's syncthing is not installed (.ci/run installs it), this says so and skips.
if (!binary)
  console.warn('team sync through Syncthing skipped: no syncthing binary (apt-get install syncthing)');

describe.skipIf(!binary)(
  'team sync through Syncthing (two instances on 127.0.0.1; skipped without the syncthing binary)',
  () => {
    it('each annotator in their own copy; the lead sees the other copy’s labels within 2 s of delivery', async () => {
      const base = await tempDir();
      const a = await instance(base, 'a');
      const b = await instance(base, 'b');
      await writeFile(join(a.home, 'config.xml'), config(a, b));
      await writeFile(join(b.home, 'config.xml'), config(b, a));
      await initProject(a.folder, { name: 'synced' });
      await writeFile(
        join(a.folder, 'items.jsonl'),
        Array.from({ length: 10 }, (_, i) =>
          JSON.stringify({ id: i + 1, img: `img/${i + 1}.png`, text: '' }),
        ).join('\n') + '\n',
      );
      const procs: ChildProcess[] = [a, b].map((x) =>
        spawn('syncthing', ['serve', `--home=${x.home}`, '--no-browser', '--no-restart', '--no-upgrade'], {
          stdio: 'ignore',
          // STMONITORED: run as one process (no restart monitor), so killing it ends it.
          env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STMONITORED: 'yes' },
        }),
      );
      const apps: { dispose(): Promise<void> }[] = [];
      try {
        // The project reaches B's copy first.
        await until(
          () =>
            readFile(join(b.folder, 'items.jsonl'), 'utf8').then(
              () => true,
              () => false,
            ),
          60_000,
          'the project to reach the second copy',
        );
        await until(
          () =>
            readFile(join(b.folder, '.memejury/project.json'), 'utf8').then(
              () => true,
              () => false,
            ),
          30_000,
          'project.json to reach the second copy',
        );
        const annA = await testBackend(await tempDir(), 'ann-a');
        const annB = await testBackend(await tempDir(), 'ann-b');
        const lead = await testBackend(await tempDir(), 'lead-1');
        apps.push(annA, annB, lead);
        await annA.call('project:open', { dir: a.folder });
        await lead.call('project:open', { dir: a.folder });
        await annB.call('project:open', { dir: b.folder });
        const save = (app: typeof annA, item: number, hate: 'hateful' | 'not_hateful') =>
          app.call('annotation:save', {
            item,
            hate,
            pc: hate === 'hateful' ? ['race'] : [],
            attack: hate === 'hateful' ? ['mocking'] : [],
            ms: 1200,
          });
        for (const i of [1, 2, 3]) await save(annA, i, 'hateful');
        for (const i of [2, 3, 4]) await save(annB, i, 'not_hateful');
        const lp = lead.session.project!;
        const inA = join(a.folder, '.memejury/annotations/ann-b.jsonl');
        // Syncthing delivers B's file into A's copy (written to a temp name, renamed into place)…
        await until(
          async () => ((await readFile(inA, 'utf8').catch(() => '')).match(/\n/g) ?? []).length >= 3,
          60_000,
          'ann-b.jsonl to reach the first copy',
        );
        // …and the lead's app shows it within 2 s.
        const shown = await until(
          () => [2, 3, 4].every((i) => !!lp.state.current('ann-b', i)),
          2000,
          'the lead to see ann-b',
        );
        expect(lp.state.current('ann-a', 1)?.hate).toBe('hateful');

        // More labels in B: a new version of the file replaces the old one in A.
        for (const i of [5, 6, 7, 8]) await save(annB, i, 'hateful');
        await until(
          async () => ((await readFile(inA, 'utf8').catch(() => '')).match(/\n/g) ?? []).length >= 7,
          60_000,
          'the new version of ann-b.jsonl',
        );
        await until(() => !!lp.state.current('ann-b', 8), 2000, 'the lead to see the new labels');
        const labeled = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((i) => lp.state.current('ann-b', i));
        expect(labeled).toStrictEqual([2, 3, 4, 5, 6, 7, 8]);
        expect(lp.problems()).toStrictEqual([]);
        console.log(`Syncthing: the lead saw ann-b's labels ${shown} ms after Syncthing delivered them`);
      } finally {
        for (const app of apps) await app.dispose();
        await Promise.all(
          procs.map(
            (p) =>
              new Promise<void>((resolve) => {
                if (p.exitCode !== null || p.signalCode !== null) return resolve();
                const t = setTimeout(() => p.kill('SIGKILL'), 5000);
                p.once('exit', () => {
                  clearTimeout(t);
                  resolve();
                });
                p.kill('SIGTERM');
              }),
          ),
        );
      }
    }, 180_000);
  },
);
