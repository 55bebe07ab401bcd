import { appendFile, open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AnnotationEvent } from '../../shared/records';
import { AnnotationState } from '../../shared/state';
import { AppendQueue } from '../../electron/services/fsx';
import { initProject, Project } from '../../electron/services/project';
import { tempDir } from './helpers';

const at = (s: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

function ev(
  item: number,
  annotator: string,
  hate: 'hateful' | 'not_hateful',
  pc: string[] = [],
  s = 0,
): AnnotationEvent {
  return {
    v: 1,
    item,
    annotator,
    hate,
    pc,
    attack: hate === 'hateful' ? ['mocking'] : [],
    at: at(s),
    ms: 1000,
    note: '',
    flag: false,
  };
}

const undo = (item: number, annotator: string): AnnotationEvent => ({
  v: 1,
  item,
  annotator,
  hate: null,
  pc: [],
  attack: [],
  at: at(99),
  ms: 0,
  note: '',
  flag: false,
  undo: true,
});

async function project(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir);
  await writeFile(
    join(dir, 'items.jsonl'),
    [1, 2, 3].map((id) => JSON.stringify({ id, img: `img/${id}.png`, text: `t${id}` })).join('\n') + '\n',
  );
  return dir;
}

describe('replay', () => {
  it('newest line per (annotator, item) wins; undo restores the previous line', () => {
    const s = new AnnotationState();
    s.apply(ev(1, 'a', 'not_hateful'));
    s.apply(ev(1, 'a', 'hateful', ['race']));
    expect(s.current('a', 1)?.pc).toStrictEqual(['race']);
    s.apply(undo(1, 'a'));
    expect(s.current('a', 1)?.hate).toBe('not_hateful');
    s.apply(undo(1, 'a'));
    expect(s.current('a', 1)).toBeUndefined();
    s.apply(undo(1, 'a'));
    expect(s.current('a', 1)).toBeUndefined();
  });
});

describe('annotation logs on disk', () => {
  it('appends through one queue, in order, and replays to the same state', async () => {
    const dir = await project();
    const p = await Project.open(dir, { annotator: 'ann-a' });
    // Fire many saves without awaiting: the queue must keep their order and lose none.
    const saves = [];
    for (let i = 0; i < 50; i++)
      saves.push(
        p.appendAnnotations([
          ev((i % 3) + 1, 'ann-a', i % 2 ? 'hateful' : 'not_hateful', i % 2 ? ['race'] : [], i),
        ]),
      );
    await Promise.all(saves);
    await p.appendAnnotations([undo(3, 'ann-a')]);
    const lines = (await readFile(join(dir, '.memejury/annotations/ann-a.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(51);
    expect(JSON.parse(lines[10]).at).toBe(at(10));
    const before = [1, 2, 3].map((id) => p.state.current('ann-a', id));
    await p.close();
    const q = await Project.open(dir, { annotator: 'ann-a' });
    expect([1, 2, 3].map((id) => q.state.current('ann-a', id))).toStrictEqual(before);
    expect(q.errors).toStrictEqual([]);
    await q.close();
  });

  it("refuses to write another annotator's file", async () => {
    const dir = await project();
    const p = await Project.open(dir, { annotator: 'ann-a' });
    await expect(p.appendAnnotations([ev(1, 'ann-b', 'hateful', ['race'])])).rejects.toThrow(
      /only their own file/,
    );
    await p.close();
  });

  it('cuts a torn last line off its own log and keeps it in a .corrupt file', async () => {
    const dir = await project();
    const file = join(dir, '.memejury/annotations/ann-a.jsonl');
    await writeFile(
      file,
      JSON.stringify(ev(1, 'ann-a', 'hateful', ['race'])) + '\n' + '{"v":1,"item":2,"annot',
    );
    const p = await Project.open(dir, { annotator: 'ann-a' });
    expect(p.state.current('ann-a', 1)?.pc).toStrictEqual(['race']);
    expect(p.warnings.join()).toMatch(
      /annotations\/ann-a\.jsonl:2: torn last line .* kept in ann-a\.jsonl\.corrupt/,
    );
    expect(await readFile(`${file}.corrupt`, 'utf8')).toBe('{"v":1,"item":2,"annot\n');
    // The next save starts on a clean line.
    await p.appendAnnotations([ev(2, 'ann-a', 'not_hateful')]);
    await p.close();
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[1]).item).toBe(2);
  });

  it("never modifies another annotator's file with an unfinished last line", async () => {
    const dir = await project();
    const file = join(dir, '.memejury/annotations/ann-b.jsonl');
    const content = JSON.stringify(ev(1, 'ann-b', 'hateful', ['race'])) + '\n{"v":1,"item":2';
    await writeFile(file, content);
    const p = await Project.open(dir, { annotator: 'ann-a' });
    expect(await readFile(file, 'utf8')).toBe(content);
    expect(p.state.current('ann-b', 1)?.hate).toBe('hateful');
    // ...and says so: its line 2 is not counted, and why it may be so.
    expect(p.warnings).toContain(
      'annotations/ann-b.jsonl:2: the last line is unfinished (15 bytes, no newline) and not counted: a sync may still be bringing it in, or its writer stopped mid-line',
    );
    // The rest of the line arrives (a sync tool finishing the file): it counts, and the warning goes.
    await appendFile(
      file,
      ',"annotator":"ann-b","hate":"not_hateful","pc":[],"attack":[],"at":"2026-11-24T10:00:00.000Z","ms":1,"note":"","flag":false}\n',
    );
    await p.readAnnotations('ann-b');
    expect(p.state.current('ann-b', 2)?.hate).toBe('not_hateful');
    expect(p.warnings.filter((w) => w.includes('unfinished'))).toStrictEqual([]);
    await p.close();
  });

  it('reports a bad line in the middle with file:line and still loads the rest', async () => {
    const dir = await project();
    const file = join(dir, '.memejury/annotations/ann-b.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify(ev(1, 'ann-b', 'hateful', ['race'])),
        '{not json',
        JSON.stringify({ ...ev(2, 'ann-b', 'hateful'), pc: 'race' }),
        JSON.stringify(ev(3, 'ann-b', 'not_hateful')),
      ].join('\n') + '\n',
    );
    const original = await readFile(file, 'utf8');
    const p = await Project.open(dir, { annotator: 'ann-a' });
    expect(p.problems()).toStrictEqual([
      expect.stringMatching(/^annotations\/ann-b\.jsonl:2: not valid JSON/),
      'annotations/ann-b.jsonl:3: field "pc": expected a list of label strings',
    ]);
    expect(p.state.current('ann-b', 1)).toBeDefined();
    expect(p.state.current('ann-b', 3)).toBeDefined();
    expect(await readFile(file, 'utf8')).toBe(original);
    await p.close();
  });

  it('picks up lines appended by another process from where it stopped reading', async () => {
    const dir = await project();
    const p = await Project.open(dir, { annotator: 'ann-a' });
    const file = join(dir, '.memejury/annotations/ann-b.jsonl');
    await appendFile(file, JSON.stringify(ev(1, 'ann-b', 'hateful', ['race'])) + '\n');
    expect(await p.readAnnotations('ann-b')).toHaveLength(1);
    await appendFile(file, JSON.stringify(ev(2, 'ann-b', 'not_hateful')) + '\n{"partial":');
    const fresh = await p.readAnnotations('ann-b');
    expect(fresh.map((e) => e.item)).toStrictEqual([2]);
    expect(await p.readAnnotations('ann-b')).toHaveLength(0);
    await p.close();
  });
});

describe('AppendQueue', () => {
  it('group-commits concurrent appends and runs exclusive work between them', async () => {
    const dir = await tempDir();
    const q = new AppendQueue(join(dir, 'log.jsonl'));
    const order: string[] = [];
    const a = q.append('a\n').then(() => order.push('a'));
    const ex = q.exclusive(async () => {
      order.push('exclusive');
      await writeFile(join(dir, 'log.jsonl'), 'rewritten\n');
    });
    const b = q.append('b\n').then(() => order.push('b'));
    await Promise.all([a, ex, b]);
    await q.close();
    expect(order).toStrictEqual(['a', 'exclusive', 'b']);
    expect(await readFile(join(dir, 'log.jsonl'), 'utf8')).toBe('rewritten\nb\n');
  });

  it('writes to the file now at its path when a sync tool renamed a copy over it or removed it', async () => {
    const dir = await tempDir();
    const file = join(dir, 'log.jsonl');
    const q = new AppendQueue(file);
    let replaced = 0;
    q.onReplaced = () => replaced++;
    await q.append('a\n');
    // A copy renamed over the open file, as Syncthing or `git checkout` does.
    await writeFile(join(dir, 'copy.tmp'), 'a\n');
    await rename(join(dir, 'copy.tmp'), file);
    await q.append('b\n');
    expect(await readFile(file, 'utf8')).toBe('a\nb\n');
    await rm(file);
    await q.append('c\n');
    await q.close();
    expect(await readFile(file, 'utf8')).toBe('c\n');
    expect(replaced).toBe(2);
  });

  it('a write that fails halfway (a full disk) leaves no part of its line behind', async () => {
    const dir = await tempDir();
    const file = join(dir, 'log.jsonl');
    const q = new AppendQueue(file);
    await q.append('{"n":1}\n');
    // The next write puts 5 bytes on disk and then fails, as a full disk does.
    const probe = await open(file, 'r');
    const proto = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    const real = proto.appendFile;
    const spy = vi.spyOn(proto, 'appendFile').mockImplementationOnce(async function (this: FileHandle, data) {
      await real.call(this, String(data).slice(0, 5));
      throw Object.assign(new Error('EFBIG: file too large, write'), { code: 'EFBIG' });
    });
    await expect(q.append('{"n":2}\n')).rejects.toThrow(/EFBIG/);
    spy.mockRestore();
    await q.append('{"n":3}\n');
    await q.close();
    expect(await readFile(file, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });
});
