// One writer per file: an app or CLI that is refused a file's lock touches nothing, not even the
// torn last line another live process is in the middle of writing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initProject } from '../../electron/services/project';
import { CLI, ROOT, tempDir, testBackend } from './helpers';

const others: ChildProcess[] = [];
afterEach(() => {
  while (others.length) others.pop()?.kill();
});

/** A live process on this machine that holds `lock` (as another app would). */
async function heldByAnother(dir: string, lock: string): Promise<void> {
  const p = spawn('sleep', ['60']);
  others.push(p);
  await mkdir(join(dir, '.memejury/locks'), { recursive: true });
  await writeFile(
    join(dir, '.memejury/locks', `${lock}.lock`),
    JSON.stringify({ pid: p.pid, host: hostname(), since: new Date().toISOString(), app: 'Meme Jury' }),
  );
}

const LINE = JSON.stringify({
  v: 1,
  item: 1,
  annotator: 'ann-a',
  hate: 'not_hateful',
  pc: [],
  attack: [],
  at: '2026-01-01T00:00:00.000Z',
  ms: 1,
  note: '',
  flag: false,
});

async function project(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir);
  await writeFile(
    join(dir, 'items.jsonl'),
    '{"id":1,"img":"img/1.png","text":""}\n{"id":2,"img":"img/2.png","text":""}\n',
  );
  return dir;
}

describe('a refused writer touches nothing', () => {
  it('a second app for the same annotator leaves the first one’s unfinished line alone', async () => {
    const dir = await project();
    const file = join(dir, '.memejury/annotations/ann-a.jsonl');
    const torn = `${LINE}\n{"v":1,"item":2,"annotator":"ann-a","ha`;
    await writeFile(file, torn);
    await heldByAnother(dir, 'ann-a');
    const b = await testBackend(await tempDir(), 'ann-a');
    await expect(b.call('project:open', { dir })).rejects.toThrow(/already labeling this project/);
    await b.dispose();
    expect(await readFile(file, 'utf8')).toBe(torn);
    expect(await readdir(join(dir, '.memejury/annotations'))).toStrictEqual(['ann-a.jsonl']);
  });

  it('a second browser-mode server for the same annotator exits and leaves the line alone', async () => {
    const dir = await project();
    const file = join(dir, '.memejury/annotations/ann-a.jsonl');
    const torn = `${LINE}\n{"v":1,"item":2,"annot`;
    await writeFile(file, torn);
    await heldByAnother(dir, 'ann-a');
    const r = spawnSync(process.execPath, [CLI, 'serve', '--project', dir, '--annotator', 'ann-a'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, MEMEJURY_USER_DATA: await tempDir() },
      timeout: 30_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/already labeling this project/);
    expect(await readFile(file, 'utf8')).toBe(torn);
    expect(await readdir(join(dir, '.memejury/annotations'))).toStrictEqual(['ann-a.jsonl']);
  });

  it('a refused CLI (the lead’s app is open) leaves governance.jsonl and adjudications.jsonl alone', async () => {
    const dir = await project();
    const gov = join(dir, '.memejury/governance.jsonl');
    const adj = join(dir, '.memejury/adjudications.jsonl');
    const tornGov =
      '{"v":1,"type":"provenance","item":1,"set":{"source":"x"},"by":"l","at":"2026-01-01T00:00:00Z","via":"app"}\n{"v":1,"type":"prov';
    const tornAdj = '{"v":1,"item":1,"lead":"l","hate":"hateful","pc":[],"att';
    await writeFile(gov, tornGov);
    await writeFile(adj, tornAdj);
    await heldByAnother(dir, '_lead');
    const csv = join(await tempDir(), 'p.csv');
    await writeFile(csv, 'id,source\n1,forum\n');
    for (const args of [
      ['provenance', '--project', dir, '--file', csv],
      ['forget', '--project', dir, '--item', '1', '--reason', 'request'],
    ]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, args[0]).not.toBe(0);
      expect(r.stderr, args[0]).toMatch(/lead mode is already on/);
    }
    expect(await readFile(gov, 'utf8')).toBe(tornGov);
    expect(await readFile(adj, 'utf8')).toBe(tornAdj);
    expect((await readdir(join(dir, '.memejury'))).filter((n) => n.endsWith('.corrupt'))).toStrictEqual([]);
  });
});
