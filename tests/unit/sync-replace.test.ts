// Sync that cannot go stale (issue 10): a synced file replaced by a rewritten version (Syncthing
// and git write a new file and rename it into place) is read again from its start, not from the
// old byte offset; items a CLI import adds while the app runs appear in the app.
import { spawnSync } from 'node:child_process';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvents } from '../../shared/api';
import { initProject } from '../../electron/services/project';
import { CLI, ROOT, fixture, tempDir, testBackend } from './helpers';

const line = (item: number, annotator: string, hate = 'hateful', note = '') =>
  JSON.stringify({
    v: 1,
    item,
    annotator,
    hate,
    pc: hate === 'hateful' ? ['race'] : [],
    attack: hate === 'hateful' ? ['mocking'] : [],
    at: new Date().toISOString(),
    ms: 2500,
    note,
    flag: false,
  }) + '\n';

async function project(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir);
  await writeFile(
    join(dir, 'items.jsonl'),
    Array.from({ length: 8 }, (_, i) => JSON.stringify({ id: i + 1, img: `${i + 1}.png`, text: '' })).join(
      '\n',
    ) + '\n',
  );
  return dir;
}

/** Replaces `file` as a sync tool does: a new file written beside it, renamed over it. */
async function replaceByRename(file: string, text: string): Promise<void> {
  const tmp = `${file}.syncthing.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

describe('a synced file replaced by a rewritten version', () => {
  it('is read again from its start: no phantom bad lines, exact labels', async () => {
    const dir = await project();
    const remote = join(dir, '.memejury/annotations/remote.jsonl');
    await writeFile(remote, line(1, 'remote') + line(2, 'remote') + line(3, 'remote'));
    const b = await testBackend(await tempDir(), 'local');
    await b.call('project:open', { dir });
    const p = b.session.project!;
    expect(p.state.current('remote', 3)?.hate).toBe('hateful');
    // The other machine rewrote its file (item 2 forgotten there, items 4 and 5 labeled with a
    // long note): longer than what we read, and different before our old offset.
    await replaceByRename(
      remote,
      line(1, 'remote') +
        line(3, 'remote', 'not_hateful', 'x'.repeat(40)) +
        line(4, 'remote') +
        line(5, 'remote'),
    );
    await expect
      .poll(() => p.state.current('remote', 5)?.hate, { timeout: 3000, interval: 25 })
      .toBe('hateful');
    expect(p.problems()).toStrictEqual([]);
    expect(p.state.current('remote', 2)).toBeUndefined();
    expect(p.state.current('remote', 3)?.hate).toBe('not_hateful');
    const labeled = [1, 2, 3, 4, 5, 6, 7, 8].filter((id) => p.state.current('remote', id));
    expect(labeled).toStrictEqual([1, 3, 4, 5]);

    // Rewritten in place (same file, same inode), again longer than before.
    await writeFile(remote, line(1, 'remote', 'not_hateful', 'y'.repeat(300)) + line(6, 'remote'));
    await expect
      .poll(() => p.state.current('remote', 6)?.hate, { timeout: 3000, interval: 25 })
      .toBe('hateful');
    expect(p.problems()).toStrictEqual([]);
    expect(p.state.current('remote', 4)).toBeUndefined();
    expect(p.state.current('remote', 1)?.hate).toBe('not_hateful');
    await b.dispose();
  });

  it('adjudications.jsonl replaced by rename is read again too', async () => {
    const dir = await project();
    const adj = (item: number, pc: string) =>
      JSON.stringify({
        v: 1,
        item,
        lead: 'lead-x',
        hate: 'hateful',
        pc: [pc],
        attack: [],
        at: new Date().toISOString(),
        note: '',
      }) + '\n';
    const file = join(dir, '.memejury/adjudications.jsonl');
    await writeFile(file, adj(1, 'race') + adj(2, 'race'));
    const b = await testBackend(await tempDir(), 'local');
    await b.call('project:open', { dir });
    const p = b.session.project!;
    await replaceByRename(file, adj(2, 'sex') + adj(3, 'religion') + adj(4, 'religion'));
    await expect
      .poll(() => p.state.adjudication(4)?.pc, { timeout: 3000, interval: 25 })
      .toStrictEqual(['religion']);
    expect(p.state.adjudication(1)).toBeUndefined();
    expect(p.state.adjudication(2)?.pc).toStrictEqual(['sex']);
    expect(p.problems()).toStrictEqual([]);
    await b.dispose();
  });
});

describe('a CLI import while the app runs', () => {
  it('its items appear in the app within 2 seconds', async () => {
    const dir = await project();
    const b = await testBackend(await tempDir(), 'ann-a');
    const events: ApiEvents['project:changed'][] = [];
    b.onEvent((e, payload) => {
      if (e === 'project:changed') events.push(payload as ApiEvents['project:changed']);
    });
    expect((await b.call('project:open', { dir })).items).toBe(8);
    const t0 = Date.now();
    const r = spawnSync(
      process.execPath,
      [CLI, 'import', fixture('test_unlabeled.jsonl'), '--project', dir],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    await expect
      .poll(async () => (await b.call('project:current', undefined))?.items, { timeout: 2000, interval: 25 })
      .toBe(1008);
    // The watcher adds the items, then reads the rest of the project and says what changed: a
    // poll can see the items a few milliseconds before the event, which must follow.
    await expect.poll(() => events.length, { timeout: 1000, interval: 10 }).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(2000 + 1500); // the CLI itself takes a moment to start
    expect(b.session.project!.item(1)).toBeDefined();
    expect(b.session.project!.items).toHaveLength(1008);
    await b.dispose();
  });
});
