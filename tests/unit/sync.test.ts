// Team sync: lines another machine's app appended (through a sync tool) show up live.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvents } from '../../shared/api';
import { initProject } from '../../electron/services/project';
import { tempDir, testBackend } from './helpers';

function appendFromAnotherProcess(file: string, line: object): void {
  const r = spawnSync(process.execPath, [
    '-e',
    `require('fs').appendFileSync(${JSON.stringify(file)}, ${JSON.stringify(JSON.stringify(line) + '\n')})`,
  ]);
  expect(r.status).toBe(0);
}

const label = (item: number, annotator: string) => ({
  v: 1,
  item,
  annotator,
  hate: 'hateful',
  pc: ['race'],
  attack: ['mocking'],
  at: new Date().toISOString(),
  ms: 2500,
  note: '',
  flag: false,
});

describe('team sync', () => {
  it('shows a line appended by another process within 2 seconds, reading only what was appended', async () => {
    const dir = await tempDir();
    await initProject(dir);
    await writeFile(
      join(dir, 'items.jsonl'),
      [1, 2, 3].map((id) => JSON.stringify({ id, img: `${id}.png`, text: '' })).join('\n') + '\n',
    );
    const other = join(dir, '.memejury/annotations/remote.jsonl');
    // A bad first line: reported once at open; re-reading the file from the start would report
    // it again.
    await writeFile(other, '{"broken":\n');
    appendFromAnotherProcess(other, label(1, 'remote'));
    const user = await tempDir();
    const b = await testBackend(user, 'local');
    await b.handle('project:open', { dir });
    const events: ApiEvents['project:changed'][] = [];
    b.onEvent((e, p) => {
      if (e === 'project:changed') events.push(p as ApiEvents['project:changed']);
    });
    const before = b.session.project!.positions.get(other)!.end;
    expect(before).toBeGreaterThan(0);
    expect(b.session.project!.problems()).toHaveLength(1);

    const t0 = Date.now();
    appendFromAnotherProcess(other, label(2, 'remote'));
    await expect.poll(() => events.length, { timeout: 2000, interval: 25 }).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(events[0]).toStrictEqual({ reason: 'sync', annotators: ['remote'] });
    expect(b.session.project!.state.current('remote', 2)?.pc).toStrictEqual(['race']);
    expect(b.session.project!.problems()).toHaveLength(1);
    expect(b.session.project!.positions.get(other)!.end).toBeGreaterThan(before);
    const progress = (await b.handle('progress:get', undefined)) as { annotations: number };
    // The team dashboard is a lead's: this profile takes the lead role (the project has none).
    await b.call('lead:set', { on: true });
    expect(progress.annotations).toBe(2);
    const dash = (await b.handle('stats:dashboard', {})) as {
      report: { per_annotator: { id: string; items_done: number }[] };
    };
    expect(dash.report.per_annotator.find((a) => a.id === 'remote')?.items_done).toBe(2);

    // A new annotator file appearing is picked up too.
    appendFromAnotherProcess(join(dir, '.memejury/annotations/newcomer.jsonl'), label(3, 'newcomer'));
    await expect
      .poll(() => b.session.project!.state.current('newcomer', 3)?.hate, { timeout: 2000, interval: 25 })
      .toBe('hateful');
    await b.dispose();
  });
});
