// The CLI's interchange: `memejury export --format labelstudio|prodigy|csv|hf` and `memejury
// import` recognising each, run as a user runs them (the built command).
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, fixture, tempDir } from './helpers';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("memejury export --format / import of the other tools' formats", () => {
  it('dev_seen through Label Studio, Prodigy and CSV and back, with the manifest beside each', async () => {
    const a = await tempDir();
    expect(cli('init', a).code).toBe(0);
    expect(cli('import', fixture('dev_seen.json'), '--project', a).code).toBe(0);
    const original = lines(await readFile(fixture('dev_seen.json'), 'utf8'));
    for (const [format, name] of [
      ['labelstudio', 'dev-ls.json'],
      ['prodigy', 'dev-prodigy.jsonl'],
      ['csv', 'dev.csv'],
    ] as const) {
      const out = join(a, 'exports', name);
      const exp = cli('export', '--project', a, '--out', out, '--format', format, '--json');
      expect(exp.stderr).toBe('');
      expect(exp.code).toBe(0);
      const summary = JSON.parse(exp.stdout) as { manifest: string; counts: { exported: number } };
      expect(summary.counts.exported).toBe(500);
      const manifest = JSON.parse(await readFile(summary.manifest, 'utf8')) as Record<string, unknown>;
      expect(manifest).toMatchObject({ tool: 'memejury', format, file: name, records: 500 });

      const b = await tempDir();
      expect(cli('init', b).code).toBe(0);
      const imp = cli('import', out, '--project', b);
      expect(imp.stderr).toBe('');
      expect(imp.code).toBe(0);
      expect(imp.stdout).toMatch(/500 records, 500 new items/);
      const back = join(b, 'exports', 'back.jsonl');
      expect(cli('export', '--project', b, '--out', back).code).toBe(0);
      expect(lines(await readFile(back, 'utf8'))).toStrictEqual(original);
    }
  });

  it('a full export is refused as an import, saying which exports carry the votes and decisions', async () => {
    const a = await tempDir();
    expect(cli('init', a).code).toBe(0);
    expect(cli('import', fixture('dev_seen.json'), '--project', a).code).toBe(0);
    const out = join(a, 'exports', 'full.jsonl');
    expect(cli('export', '--project', a, '--out', out, '--format', 'full').code).toBe(0);
    const b = await tempDir();
    expect(cli('init', b).code).toBe(0);
    const imp = cli('import', out, '--project', b);
    expect(imp.code).toBe(1);
    expect(imp.stderr).toContain(`${out}: a Meme Jury "full" export, which imports only as FGHM`);
    expect(imp.stderr).toContain('import the CSV, Label Studio, Prodigy or Hugging Face export');
    expect(imp.stderr).toContain('nothing was imported');
    expect(await readdir(join(b, '.memejury', 'annotations'))).toStrictEqual([]);
  });

  it('a Hugging Face folder, and a bad file refused with file:line and field and a non-zero status', async () => {
    const a = await tempDir();
    cli('init', a);
    const item = { id: 7, img: 'img/7.png', text: 'seven' };
    await writeFile(join(a, 'items.jsonl'), JSON.stringify(item) + '\n');
    await mkdir(join(a, 'img'));
    await writeFile(join(a, 'img', '7.png'), 'png');
    const out = join(a, 'exports', 'ds');
    const exp = cli(
      'export',
      '--project',
      a,
      '--out',
      out,
      '--format',
      'hf',
      '--include-incomplete',
      '--include-unresolved',
    );
    expect(exp.code).toBe(0);
    expect((await readdir(out)).sort()).toStrictEqual([
      '.memejury-export',
      'README.md',
      'SHA256SUMS',
      'images',
      'metadata.jsonl',
    ]);

    const bad = join(a, 'bad.jsonl');
    await writeFile(
      bad,
      JSON.stringify({
        text: 'x',
        image: 'img/1.png',
        meta: { id: 1 },
        accept: ['hateful', 'nope'],
        answer: 'accept',
        _annotator_id: 'd-a',
        _timestamp: 1,
      }) + '\n',
    );
    const b = await tempDir();
    cli('init', b);
    const imp = cli('import', bad, '--project', b);
    expect(imp.code).not.toBe(0);
    expect(imp.stderr).toMatch(
      /bad\.jsonl:1: field "accept": option "nope" is not hate, "pc:<label>" or "attack:<label>"; nothing was imported/,
    );
    expect((await readdir(b)).sort()).toStrictEqual(['.memejury']);
  });
});
