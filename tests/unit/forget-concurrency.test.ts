// A forget while another app keeps labeling: none of its other labels is lost.
import { spawn, spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditProject } from '../../electron/services/audit';
import { forgetItem } from '../../electron/services/forget';
import { importFghm } from '../../electron/services/importer';
import { initProject, Project } from '../../electron/services/project';
import { CLI, ROOT, fixture, tempDir } from './helpers';

describe('forgetting while annotators label', () => {
  it('loses no other label: the labeling app purges its own file', async () => {
    const dir = await tempDir();
    await initProject(dir);
    const setup = await Project.open(dir);
    await importFghm(setup, fixture('dev_seen.json'));
    await setup.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/unit/child-labeler.ts'), dir, 'ann-c'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await expect.poll(() => /saved [1-9]\d/.test(out), { timeout: 30_000, interval: 50 }).toBe(true);

    // The item the child labeled first (queue order is the same for everyone).
    const first = JSON.parse(
      (await readFile(join(dir, '.memejury/annotations/ann-c.jsonl'), 'utf8')).split('\n')[0],
    ).item as number;
    const lead = await Project.open(dir, { lead: true });
    const r = await forgetItem(lead, first, { reason: 'request', requestedBy: 'x', by: 'lead' });
    await lead.close();
    // The lead leaves the labeling app's file to that app and says so, unless the app's watcher saw
    // the tombstone and purged its file first: then there was nothing left to defer (a fresh clone
    // once ran into that order). Either way the lead never rewrites it.
    const childFile = '.memejury/annotations/ann-c.jsonl';
    expect(r.rewritten).not.toContain(childFile);
    if (r.deferred.length > 0) expect(r.deferred).toStrictEqual([childFile]);
    else
      expect(
        (await readFile(join(dir, childFile), 'utf8'))
          .split('\n')
          .filter(Boolean)
          .some((l) => (JSON.parse(l) as { item: number }).item === first),
      ).toBe(false);

    // The child's watcher sees the tombstone and purges its own file while it keeps saving.
    await expect
      .poll(async () => (await auditProject(dir)).findings.length, { timeout: 10_000, interval: 100 })
      .toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
    const { saved, refused } = JSON.parse(out.trim().split('\n').pop() as string) as {
      saved: number[];
      refused: number;
    };
    const lines = (await readFile(join(dir, '.memejury/annotations/ann-c.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { item: number });
    expect(saved.length).toBeGreaterThan(50);
    expect(lines.map((l) => l.item)).toStrictEqual(saved.filter((id) => id !== first));
    expect(refused).toBeGreaterThanOrEqual(0);
    expect((await auditProject(dir)).findings).toStrictEqual([]);
  }, 60_000);

  it('forget --annotator while that annotator labels: saves stop, their app removes its file, the audit is clean', async () => {
    const dir = await tempDir();
    await initProject(dir);
    const setup = await Project.open(dir);
    await importFghm(setup, fixture('dev_seen.json'));
    await setup.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/unit/child-labeler.ts'), dir, 'ann-c'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await expect.poll(() => /saved [1-9]\d/.test(out), { timeout: 30_000, interval: 50 }).toBe(true);

    const r = spawnSync(
      process.execPath,
      [CLI, 'forget', '--project', dir, '--annotator', 'ann-c', '--reason', 'withdrew consent', '--json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { deferred: string[] }).deferred).toStrictEqual([
      '.memejury/annotations/ann-c.jsonl',
    ]);
    // The running app sees the tombstone, stops saving and removes its own file.
    await expect
      .poll(async () => (await auditProject(dir)).findings.length, { timeout: 10_000, interval: 100 })
      .toBe(0);
    await new Promise((res) => setTimeout(res, 500));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
    const { saved, refused } = JSON.parse(out.trim().split('\n').pop() as string) as {
      saved: number[];
      refused: number;
    };
    expect(saved.length).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(0);
    const gone = await stat(join(dir, '.memejury/annotations/ann-c.jsonl')).then(
      () => false,
      () => true,
    );
    expect(gone).toBe(true);
    expect((await auditProject(dir)).findings).toStrictEqual([]);
  }, 60_000);
});
