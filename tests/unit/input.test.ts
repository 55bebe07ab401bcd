// Input that is wrong is never taken silently (issue 10): strict provenance CSV, labels outside
// the taxonomy, image paths that leave the project, byte-order marks, folders given as files,
// predictions as a JSON array, labels for items the project does not have, and labels that are
// JavaScript's own property names.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenAgreement } from '../../shared/agreement';
import { parseCsv, CsvError } from '../../shared/csv';
import { exportGold } from '../../electron/services/exporter';
import { importFghm } from '../../electron/services/importer';
import { initProject, Project } from '../../electron/services/project';
import { importProvenance } from '../../electron/services/provenance';
import { CLI, ROOT, fixture, tempDir, testBackend } from './helpers';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const ann = (
  item: number | string,
  annotator: string,
  hate: string,
  pc: string[] = [],
  attack: string[] = [],
) =>
  JSON.stringify({
    v: 1,
    item,
    annotator,
    hate,
    pc,
    attack,
    at: '2026-01-01T00:00:00.000Z',
    ms: 1000,
    note: '',
    flag: false,
  });

async function project(items = 5): Promise<string> {
  const dir = await tempDir();
  await initProject(dir);
  await writeFile(
    join(dir, 'items.jsonl'),
    Array.from({ length: items }, (_, i) =>
      JSON.stringify({ id: i + 1, img: `img/${i + 1}.png`, text: `t${i}` }),
    ).join('\n') + '\n',
  );
  return dir;
}

describe('provenance CSV is parsed strictly', () => {
  it('an unterminated quote is an error at its line, and nothing is recorded', async () => {
    const dir = await project();
    const file = join(await tempDir(), 'prov.csv');
    await writeFile(file, 'id,source\n1,"forum\n2,site\n3,site\n4,site\n5,site\n');
    const p = await Project.open(dir, { lead: true });
    await expect(importProvenance(p, file, 'lead')).rejects.toThrow(`${file}:2: `);
    await expect(importProvenance(p, file, 'lead')).rejects.toThrow(/unterminated quote/);
    expect(await readFile(join(dir, '.memejury/governance.jsonl'), 'utf8').catch(() => '')).toBe('');
    await p.close();
  });

  it('stray quotes and ragged rows are errors with their line; quoted commas, quotes and newlines are fine', () => {
    expect(() => parseCsv('id,source\n1,ab"c\n')).toThrow(CsvError);
    expect(() => parseCsv('id,source\n1,ab"c\n')).toThrow(/^2: /);
    expect(() => parseCsv('id,source\n1,"ab"c\n')).toThrow(/^2: .*after a closing quote/);
    expect(() => parseCsv('id,source\n1,a,b\n')).toThrow(/^2: .*3 fields.*header has 2/);
    expect(() => parseCsv('id,source\n1\n')).toThrow(/^2: .*1 field.*header has 2/);
    expect(parseCsv('id,source\n1,"a, ""b""\nc"\n2,x\r\n').map((r) => [r.line, r.cells])).toStrictEqual([
      [1, ['id', 'source']],
      [2, ['1', 'a, "b"\nc']],
      [4, ['2', 'x']],
    ]);
    // A byte-order mark is not part of the first header.
    expect(parseCsv('\uFEFFid,source\n1,x\n')[0].cells).toStrictEqual(['id', 'source']);
  });
});

describe('memejury validate', () => {
  it('reports labels outside the taxonomy (case, blanks) with file:line', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.jsonl');
    await writeFile(
      file,
      [
        ann(1, 'a', 'hateful', ['race'], ['mocking']),
        ann(2, 'a', 'hateful', ['RACE'], ['mocking']),
        ann(3, 'a', 'hateful', ['race '], ['mocking']),
        ann(4, 'a', 'hateful', ['race'], ['Mocking']),
      ].join('\n') + '\n',
    );
    const r = cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toStrictEqual([
      `${file}:2: field "pc": "RACE" is not a label of the taxonomy`,
      `${file}:3: field "pc": "race " is not a label of the taxonomy`,
      `${file}:4: field "attack": "Mocking" is not a label of the taxonomy`,
    ]);
    // The released file is all valid.
    expect(cli('validate', fixture('dev_seen.json')).code).toBe(0);
  });

  it('accepts a byte-order mark, and a folder is an error naming it', async () => {
    const dir = await tempDir();
    const file = join(dir, 'bom.jsonl');
    await writeFile(file, '\uFEFF' + ann(1, 'a', 'not_hateful') + '\n');
    const ok = cli('validate', file);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    for (const args of [
      ['validate', dir],
      ['score', '--gold', fixture('dev_seen.json'), '--pred', dir],
      ['import', dir, '--project', await project()],
    ]) {
      const r = cli(...args);
      expect(r.code, args[0]).not.toBe(0);
      // import reads some folders (a Hugging Face imagefolder export): it names why not this one.
      if (args[0] === 'import') expect(r.stderr, args[0]).toMatch(new RegExp(`${dir} is a folder\\b`));
      else expect(r.stderr, args[0]).toContain(`${dir} is a folder, not a file`);
      expect(r.stderr.trim().split('\n'), args[0]).toHaveLength(1);
    }
  });

  it('a JSON-array predictions file gets the same verdict from validate and score', async () => {
    const dir = await tempDir();
    const lines = (await readFile(fixture('dev_seen.predictions.jsonl'), 'utf8')).trim().split('\n');
    const array = join(dir, 'pred.json');
    await writeFile(array, `[${lines.join(',\n')}]\n`);
    expect(cli('validate', array).code).toBe(0);
    const scored = cli('score', '--gold', fixture('dev_seen.json'), '--pred', array, '--json');
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    const same = cli(
      'score',
      '--gold',
      fixture('dev_seen.json'),
      '--pred',
      fixture('dev_seen.predictions.jsonl'),
      '--json',
    );
    expect(JSON.parse(scored.stdout)).toStrictEqual(JSON.parse(same.stdout));
    // A bad record: both refuse, naming the same line.
    const bad = join(dir, 'bad.json');
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    rows[2] = { ...rows[2], pred_hate: 'high' };
    await writeFile(bad, JSON.stringify(rows));
    const v = cli('validate', bad);
    const s = cli('score', '--gold', fixture('dev_seen.json'), '--pred', bad);
    expect(v.code).toBe(1);
    expect(s.code).not.toBe(0);
    expect(v.stdout).toContain(`${bad}:3: field "pred_hate"`);
    expect(s.stderr).toContain(`${bad}:3: field "pred_hate"`);
  });
});

describe('import', () => {
  it('refuses item images that leave the project: parent paths, absolute paths, URLs', async () => {
    const dir = await project();
    const p = await Project.open(dir);
    let refused = 0;
    for (const img of [
      '../../etc/passwd',
      '/etc/passwd',
      'img/../../x.png',
      'http://example.com/a.png',
      'https://example.com/a.png',
      'file:///etc/passwd',
      'C:\\Windows\\x.png',
      'C:/x.png',
      'img\\..\\..\\x.png',
      '.memejury/project.json',
      'img/./1.png',
      '//server/share/x.png',
    ]) {
      const file = join(await tempDir(), 'items.jsonl');
      await writeFile(
        file,
        `{"id":100,"img":"ok/1.png","text":"a"}\n${JSON.stringify({ id: 101, img, text: 'b' })}\n`,
      );
      await expect(importFghm(p, file), img).rejects.toThrow(`${file}:2: field "img"`);
      refused++;
    }
    expect(p.item(100)).toBeUndefined();
    await p.close();
    expect(refused).toBe(12);
    // In an item list of the project itself, such a line is reported and the item not loaded.
    await writeFile(join(dir, 'more.jsonl'), '{"id":200,"img":"../../etc/passwd","text":"x"}\n');
    const q = await Project.open(dir);
    expect(q.item(200)).toBeUndefined();
    expect(q.problems()).toStrictEqual([expect.stringMatching(/^more\.jsonl:1: field "img"/)]);
    await q.close();
  });

  it('accepts a byte-order mark in FGHM files and provenance sidecars', async () => {
    const dir = await project();
    const file = join(await tempDir(), 'items.jsonl');
    await writeFile(file, '\uFEFF{"id":100,"img":"img/100.png","text":"a"}\n');
    const p = await Project.open(dir, { lead: true });
    expect((await importFghm(p, file)).itemsAdded).toBe(1);
    const csv = join(await tempDir(), 'prov.csv');
    await writeFile(csv, '\uFEFFid,source\n100,forum\n');
    expect(await importProvenance(p, csv, 'lead')).toStrictEqual({ items: 1, events: 1 });
    await p.close();
  });
});

describe('labels for items the project does not have', () => {
  it('are reported at open (app and CLI), with file, line and count', async () => {
    const dir = await project(3);
    await writeFile(
      join(dir, '.memejury/annotations/ann-b.jsonl'),
      [
        ann(1, 'ann-b', 'not_hateful'),
        ann(999, 'ann-b', 'not_hateful'),
        ann(998, 'ann-b', 'not_hateful'),
      ].join('\n') + '\n',
    );
    const b = await testBackend(await tempDir(), 'ann-a');
    const summary = await b.call('project:open', { dir });
    await b.dispose();
    const msg =
      'annotations/ann-b.jsonl:2: 2 lines label items that are not in this project (first: item 999)';
    expect(summary.warnings).toContain(msg);
    const stats = cli('stats', '--project', dir);
    expect(stats.stderr).toContain(`warning: ${msg}`);
  });
});

describe('labels named like JavaScript’s own properties', () => {
  it('__proto__, constructor, toString count like any label in gold, agreement and export', async () => {
    const dir = await project(2);
    const odd = ['__proto__', 'constructor'];
    const lines = (a: string) => [
      ann(1, a, 'hateful', odd, ['toString', 'hasOwnProperty']),
      ann(2, a, 'not_hateful'),
    ];
    await mkdir(join(dir, '.memejury/annotations'), { recursive: true });
    for (const a of ['x1', 'x2', 'x3'])
      await writeFile(join(dir, `.memejury/annotations/${a}.jsonl`), lines(a).join('\n') + '\n');
    const p = await Project.open(dir);
    const gold = p.golds()[0];
    expect([...gold.pc.labels].sort()).toStrictEqual([...odd].sort());
    expect([...gold.attack.labels].sort()).toStrictEqual(['hasOwnProperty', 'toString']);
    const flat = flattenAgreement(p.agreement());
    for (const [k, v] of Object.entries(flat))
      if (typeof v === 'number') expect(Number.isFinite(v), k).toBe(true);
    expect(flat['pc.__proto__.percent_agreement']).toBe(1);
    expect(flat['pc.constructor.percent_agreement']).toBe(1);
    const out = join(dir, 'exports/gold.jsonl');
    await exportGold(p, out, { format: 'fghm', policy: 'fghm', includeIncomplete: true });
    const rec = JSON.parse((await readFile(out, 'utf8')).split('\n')[0]) as {
      gold_pc: string[];
      pc: string[][];
    };
    expect([...rec.gold_pc].sort()).toStrictEqual([...odd].sort());
    expect(rec.pc).toHaveLength(3);
    await p.close();
    const b = await testBackend(await tempDir(), 'x1');
    const config = JSON.parse(await readFile(join(dir, '.memejury/project.json'), 'utf8'));
    config.roster = [{ id: 'x1', role: 'lead' }];
    await writeFile(join(dir, '.memejury/project.json'), JSON.stringify(config));
    await b.call('project:open', { dir });
    const dash = JSON.stringify(await b.call('stats:dashboard', {}));
    expect(dash).not.toMatch(/NaN|\[object Object\]|function Object/);
    await b.dispose();
  });
});
