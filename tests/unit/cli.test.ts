import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, fixture, tempDir } from './helpers';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('memejury CLI', () => {
  it('init, import, export, stats --json on dev_seen', async () => {
    const dir = await tempDir();
    expect(cli('init', dir).code).toBe(0);
    const imp = cli('import', fixture('dev_seen.json'), '--project', dir);
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/500 records, 500 new items/);

    // Not at the project's top level, where a .jsonl file is an item list (never a write target).
    const out = join(dir, 'exports', 'gold.jsonl');
    const exp = cli('export', '--project', dir, '--out', out);
    expect(exp.code).toBe(0);
    const exported = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const original = (await readFile(fixture('dev_seen.json'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(exported).toStrictEqual(original);

    const split = cli(
      'export',
      '--project',
      dir,
      '--out',
      join(dir, 'exports', 'none.jsonl'),
      '--split',
      'test_seen',
      '--json',
    );
    expect(JSON.parse(split.stdout).counts).toMatchObject({ exported: 0, skipped: { split: 500 } });

    const stats = cli('stats', '--project', dir, '--json');
    expect(stats.code).toBe(0);
    const flat = JSON.parse(stats.stdout) as Record<string, number>;
    const ref = JSON.parse(await readFile(fixture('dev_seen.agreement.reference.json'), 'utf8')) as Record<
      string,
      number
    >;
    for (const key of [
      'pc.alpha_masi',
      'pc.race.fleiss_kappa',
      'attack.slurs.krippendorff_alpha',
      'pc.race.mean_pairwise_cohen_kappa',
      'attack.mocking.percent_agreement',
    ])
      expect(Math.abs(flat[key] - ref[key]), key).toBeLessThan(1e-9);
    expect(flat).toHaveProperty('hate.fleiss_kappa');
    // The release's votes count for no hate figure: the text says so without an "all 2".
    const text = cli('stats', '--project', dir).stdout;
    expect(text).toContain('\nhate (0 items with two or more counted votes)\n');
    expect(text).toContain('pc (246 items with hateful gold, 237 rated by all 3, 244 by two or more;');
  });

  it('score --json prints the official figures', async () => {
    const r = cli(
      'score',
      '--gold',
      fixture('dev_seen.json'),
      '--pred',
      fixture('dev_seen.predictions.jsonl'),
      '--json',
    );
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as Record<string, { f1_micro: number; roc_auc_micro: number }>;
    const want = JSON.parse(await readFile(fixture('dev_seen.scores.reference.json'), 'utf8')) as typeof got;
    expect(Object.keys(got)).toStrictEqual(['hate', 'pc', 'attack']);
    for (const t of ['hate', 'pc', 'attack']) {
      expect(Math.abs(got[t].f1_micro - want[t].f1_micro)).toBeLessThan(1e-9);
      expect(Math.abs(got[t].roc_auc_micro - want[t].roc_auc_micro)).toBeLessThan(1e-9);
    }
  });

  it('validate names file:line and field, exits non-zero', async () => {
    const dir = await tempDir();
    const file = join(dir, 'ann.jsonl');
    await writeFile(
      file,
      '{"v":1,"item":1,"annotator":"a","hate":"hateful","pc":["race"],"attack":[],"at":"2026-01-01T00:00:00Z","ms":1,"note":"","flag":false}\n' +
        '{"v":1,"item":2,"annotator":"a","hate":"hateful","pc":["race"],"attack":[],"at":"yesterday","ms":1,"note":"","flag":false}\n',
    );
    const r = cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe(`${file}:2: field "at": expected an ISO time`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const ok = cli('validate', fixture('dev_seen.json'));
    expect(ok.code).toBe(0);
    // The release carries gold labels: gold (checked as items too).
    expect(ok.stdout).toMatch(/500 records of gold, all valid/);
  });

  it('errors are one line on stderr with a non-zero exit', async () => {
    const dir = await tempDir();
    for (const args of [
      ['stats', '--project', dir],
      ['export', '--project', dir],
      ['frobnicate'],
      ['import', join(dir, 'nope.json'), '--project', dir],
      ['score', '--gold', fixture('dev_seen.json'), '--pred', fixture('dev_seen.json')],
      ['serve', '--demo', '--port', '99999'],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^memejury/);
    }
    expect(cli('serve', '--demo', '--port', '99999').stderr).toBe(
      'memejury serve: --port must be an integer from 0 to 65535\n',
    );
    // A settings folder that cannot be made (here under a file) is one line, not a log's stack trace.
    const file = join(dir, 'a-file');
    await writeFile(file, '');
    const r = spawnSync(process.execPath, [CLI, 'serve', '--demo'], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, MEMEJURY_USER_DATA: join(file, 'settings') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `memejury serve: cannot make the settings folder ${join(file, 'settings')} (ENOTDIR): set MEMEJURY_USER_DATA to a folder you can write\n`,
    );
  });
});
