import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromFghm, slotEvents, toFghm } from '../../shared/fghm';
import { computeGold } from '../../shared/gold';
import { parseJsonOrJsonl } from '../../shared/jsonl';
import { AnnotationState, goldOf } from '../../shared/state';
import { exportGold } from '../../electron/services/exporter';
import { importFghm, ImportError } from '../../electron/services/importer';
import { AnnotatorLock } from '../../electron/services/locks';
import { initProject, Project } from '../../electron/services/project';
import { fixture, tempDir } from './helpers';

type Rec = Record<string, unknown>;

async function released(name: string): Promise<Rec[]> {
  const text = await readFile(fixture(name), 'utf8');
  return parseJsonOrJsonl(text, name).records.map((r) => r.value as Rec);
}

async function readJsonl(path: string): Promise<Rec[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Rec);
}

async function importAndExport(file: string, format: 'fghm' | 'full' = 'fghm'): Promise<Rec[]> {
  const dir = await tempDir();
  await initProject(dir);
  const p = await Project.open(dir);
  await importFghm(p, file);
  await p.close();
  // Reopen from disk so the export reflects what was saved, not what is in memory.
  const q = await Project.open(dir);
  // In exports/: a .jsonl at the project's top level is an item list, never a write target.
  const out = join(dir, 'exports', 'export.jsonl');
  await exportGold(q, out, { format, policy: 'fghm' });
  return readJsonl(out);
}

describe('FGHM gold rule on the released dev_seen.json', () => {
  it('recomputes the released gold_pc and gold_attack of all 500 records', async () => {
    const recs = await released('dev_seen.json');
    expect(recs).toHaveLength(500);
    let matching = 0;
    for (const raw of recs) {
      const m = fromFghm(raw);
      if (!m.ok) throw new Error(m.error);
      const votes = m.value.slots.map((s, i) => ({ annotator: `a${i}`, ...s }));
      const gold = computeGold(votes, 'fghm', m.value.item.ref_hate);
      if (
        JSON.stringify([gold.hate]) === JSON.stringify(raw.gold_hate) &&
        JSON.stringify(gold.pc.labels) === JSON.stringify(raw.gold_pc) &&
        JSON.stringify(gold.attack.labels) === JSON.stringify(raw.gold_attack)
      )
        matching++;
    }
    expect(matching).toBe(500);
  });
});

describe('import then export', () => {
  it('gives back all 500 dev_seen records with the same value in every field', async () => {
    const original = await released('dev_seen.json');
    const exported = await importAndExport(fixture('dev_seen.json'));
    expect(exported).toHaveLength(500);
    for (let i = 0; i < original.length; i++) expect(exported[i]).toStrictEqual(original[i]);
  });

  it('computes gold from the annotators when the file has no gold_pc / gold_attack', async () => {
    const original = await released('dev_seen.json');
    const dir = await tempDir();
    const stripped = join(dir, 'stripped.json');
    await writeFile(
      stripped,
      original
        .map((r) => {
          const { gold_pc: _p, gold_attack: _a, ...rest } = r;
          return JSON.stringify(rest);
        })
        .join('\n') + '\n',
    );
    const text = await readFile(stripped, 'utf8');
    expect(text).not.toContain('gold_pc');
    expect(text).not.toContain('gold_attack');
    const exported = await importAndExport(stripped);
    expect(exported).toStrictEqual(original);
  });

  it('ignores a wrong gold_pc in the input: gold always comes from the annotators', async () => {
    const original = await released('dev_seen.json');
    const hateful = original.find((r) => Array.isArray(r.pc)) as Rec;
    const dir = await tempDir();
    const file = join(dir, 'wrong-gold.json');
    await writeFile(
      file,
      JSON.stringify({ ...hateful, gold_pc: ['disability'], gold_attack: ['slurs'] }) + '\n',
    );
    const [exported] = await importAndExport(file);
    expect(exported.gold_pc).toStrictEqual(hateful.gold_pc);
    expect(exported.gold_attack).toStrictEqual(hateful.gold_attack);
  });

  it('imports the unlabelled test file: escaped slashes decoded, no labels, reference-free', async () => {
    const dir = await tempDir();
    await initProject(dir);
    const p = await Project.open(dir);
    const r = await importFghm(p, fixture('test_unlabeled.jsonl'));
    expect(r.records).toBe(1000);
    expect(r.itemsAdded).toBe(1000);
    expect(r.annotationsAdded).toBe(0);
    expect(p.item(16395)?.img).toBe('img/16395.png');
    expect(p.items.every((i) => !i.img.includes('\\'))).toBe(true);
    // Unlabelled items have no gold yet: they are unresolved, not silently "not hateful".
    expect(goldOf(p.state, p.item(16395)!, 'fghm').resolved).toBe(false);
    await p.close();
  });

  it('keeps labels outside the taxonomy (e.g. "class"), flags them, and exports them', async () => {
    const dir = await tempDir();
    const file = join(dir, 'with-class.json');
    const rec = {
      id: 42,
      set_name: 'train',
      img: 'img/00042.png',
      text: 'x',
      gold_hate: ['hateful'],
      gold_pc: ['class'],
      gold_attack: ['mocking'],
      pc: [['class'], ['class', 'race'], ['sex']],
      attack: [['mocking'], ['mocking'], ['contempt']],
    };
    await writeFile(file, JSON.stringify(rec) + '\n');
    const m = fromFghm(rec);
    expect(m.ok && m.value.warnings.join()).toContain('"class"');
    const [exported] = await importAndExport(file);
    expect(exported).toStrictEqual(rec);
  });

  it('refuses a file with a bad record, naming file, line and field, and writes nothing', async () => {
    const dir = await tempDir();
    await initProject(dir);
    const file = join(await tempDir(), 'bad.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify({ id: 1, img: 'img/1.png', text: 'a' }),
        JSON.stringify({ id: 2, img: 'img/2.png', text: 'b', pc: [['race']], attack: 'oops' }),
      ].join('\n') + '\n',
    );
    const p = await Project.open(dir);
    const err = await importFghm(p, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toContain(`${file}:2: field "attack"`);
    expect(p.items).toHaveLength(0);
    await p.close();
  });

  it('re-importing the same file adds nothing', async () => {
    const dir = await tempDir();
    await initProject(dir);
    const p = await Project.open(dir);
    const first = await importFghm(p, fixture('dev_seen.json'));
    const again = await importFghm(p, fixture('dev_seen.json'));
    expect(first.annotationsAdded).toBe(727);
    expect(again.itemsAdded).toBe(0);
    expect(again.annotationsAdded).toBe(0);
    await p.close();
  });

  it('refuses while another app writes one of the slot files: nothing written, no lock left', async () => {
    const dir = await tempDir();
    await initProject(dir);
    const p = await Project.open(dir);
    const held = await AnnotatorLock.acquire(p.paths.meta, 'fghm-2', 'another app');
    const err = await importFghm(p, fixture('dev_seen.json')).catch((e: unknown) => e);
    expect((err as Error).message).toContain('annotator "fghm-2" is already labeling this project');
    // The other slots' locks, taken alongside, were let go; nothing reached the logs.
    expect((await readdir(join(p.paths.meta, 'locks'))).sort()).toEqual(['fghm-2.lock']);
    expect(await readdir(p.paths.annotations).catch(() => [])).toEqual([]);
    await held.release();
    expect((await importFghm(p, fixture('dev_seen.json'))).annotationsAdded).toBe(727);
    await p.close();
  });
});

describe('slot mapping', () => {
  it('reads annotator slots as votes and writes them back in the same order', async () => {
    const recs = await released('dev_seen.json');
    const state = new AnnotationState();
    const raw = recs.find((r) => Array.isArray(r.pc) && (r.pc as unknown[]).length === 3) as Rec;
    const m = fromFghm(raw);
    if (!m.ok) throw new Error(m.error);
    for (const ev of slotEvents(m.value, new Date().toISOString())) state.apply(ev);
    const gold = goldOf(state, m.value.item, 'fghm');
    expect(toFghm(m.value.item, state.votes(raw.id as number), gold)).toStrictEqual(raw);
  });
});
