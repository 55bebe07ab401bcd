// Data rights on a project built from the FGHM fixture: forgetting and auditing, re-import,
// export filters and the manifest.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenAgreement } from '../../shared/agreement';
import { auditProject } from '../../electron/services/audit';
import { exportGold } from '../../electron/services/exporter';
import { forgetAnnotator, forgetItem, forgottenGuard } from '../../electron/services/forget';
import { importFghm, ImportError } from '../../electron/services/importer';
import { initProject, Project } from '../../electron/services/project';
import { importProvenance } from '../../electron/services/provenance';
import { ROOT, fixture, tempDir } from './helpers';

const FORGET = 83745; // hateful, three annotator slots
const DEMO_IMG = join(ROOT, 'electron/resources/demo/img/00001.png');

/** Every file of the project, as text lines (images as their hash). */
async function snapshot(dir: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else {
        const buf = await readFile(p);
        out.set(
          relative(dir, p),
          /\.(png|jpg)$/.test(e.name)
            ? [createHash('sha256').update(buf).digest('hex')]
            : buf.toString('utf8').split('\n'),
        );
      }
    }
  };
  await walk(dir);
  return out;
}

const mentions = (line: string): boolean =>
  new RegExp(`"(id|item)":${FORGET}[,}]`).test(line) || line.startsWith(`${FORGET},`);

async function fixtureProject(): Promise<{ dir: string; text: string }> {
  const dir = await tempDir();
  await initProject(dir, { name: 'rights' });
  const p = await Project.open(dir, { lead: true });
  await importFghm(p, fixture('dev_seen.json'));
  // Images for the item to forget and a neighbour; provenance; a decision; an earlier export
  // inside the project; a torn line kept aside: every kind of file that can hold the item.
  await mkdir(join(dir, 'img'), { recursive: true });
  await copyFile(DEMO_IMG, join(dir, 'img/83745.png'));
  await copyFile(join(ROOT, 'electron/resources/demo/img/00006.png'), join(dir, 'img/05349.png'));
  const sidecar = join(dir, 'provenance.csv');
  await writeFile(
    sidecar,
    `id,source,licence,consent,region\n${FORGET},forum-x,CC-BY-4.0,yes,EU\n5349,forum-y,proprietary,no,US\n`,
  );
  await importProvenance(p, sidecar, 'lead');
  await p.appendAdjudication({
    v: 1,
    item: FORGET,
    lead: 'lead',
    hate: 'hateful',
    pc: ['race'],
    attack: ['mocking'],
    at: new Date().toISOString(),
    note: 'context',
  });
  await exportGold(p, join(dir, 'exports/old-gold.jsonl'), { format: 'full', policy: 'fghm' });
  await writeFile(
    join(dir, '.memejury/annotations/fghm-1.jsonl.corrupt'),
    `{"v":1,"item":${FORGET},"annotator":"fghm-1","ha\n`,
  );
  await p.close();
  const text = (await readFile(fixture('dev_seen.json'), 'utf8'))
    .split('\n')
    .find((l) => l.includes(`"id":${FORGET},`)) as string;
  return { dir, text: (JSON.parse(text) as { text: string }).text };
}

describe('forgetting an item', () => {
  it('leaves nothing of it in any file, keeps a hash-only tombstone, and every other line as it was', async () => {
    const { dir, text } = await fixtureProject();
    const before = await snapshot(dir);
    expect([...before.values()].flat().some(mentions)).toBe(true);
    expect((await auditProject(dir)).findings).toStrictEqual([]);

    const p = await Project.open(dir, { lead: true });
    const r = await forgetItem(p, FORGET, {
      reason: 'erasure request #7',
      requestedBy: 'the person in the image',
      by: 'lead',
    });
    expect(r.deleted).toStrictEqual(['img/83745.png']);
    expect(r.deferred).toStrictEqual([]);
    expect(p.item(FORGET)).toBeUndefined();
    expect(p.state.lines(FORGET)).toStrictEqual([]);
    await p.close();

    const audit = await auditProject(dir);
    expect(audit.findings).toStrictEqual([]);
    expect(audit.tombstones).toBe(1);
    const after = await snapshot(dir);
    expect(after.has('img/83745.png')).toBe(false);
    for (const [file, lines] of after) {
      for (const line of lines) {
        expect(mentions(line), `${file}: ${line}`).toBe(false);
        expect(line.includes(text), `${file} still holds the meme's text`).toBe(false);
        expect(line.includes('img/83745.png'), `${file} still holds the image path`).toBe(false);
      }
    }
    // The tombstone holds hashes, who asked and when: no id, no text, no path.
    const governance = after
      .get('.memejury/governance.jsonl')!
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const tomb = governance.find((e) => e.type === 'forget');
    expect(tomb).toMatchObject({
      scope: 'item',
      reason: 'erasure request #7',
      requested_by: 'the person in the image',
      by: 'lead',
    });
    expect(tomb.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(tomb.img_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(tomb)).not.toContain(String(FORGET));
    // Every other line of every file is unchanged, in order; the manifest of the export that
    // lost the item describes the file as it is now.
    for (const [file, lines] of before) {
      if (file === '.memejury/governance.jsonl' || file === 'img/83745.png') continue;
      if (file.endsWith('.manifest.json')) continue;
      expect(after.get(file), file).toStrictEqual(lines.filter((l) => !mentions(l)));
    }
    const manifest = JSON.parse(after.get('exports/old-gold.manifest.json')!.join('\n'));
    const exported = after.get('exports/old-gold.jsonl')!.join('\n');
    expect(manifest.sha256).toBe(createHash('sha256').update(exported).digest('hex'));
    expect(manifest.records).toBe(exported.trim().split('\n').length);
    expect(manifest.rewritten).toHaveLength(1);
  });

  it('refuses a re-import of the item, and of its image under another id', async () => {
    const { dir } = await fixtureProject();
    const p = await Project.open(dir, { lead: true });
    await forgetItem(p, FORGET, { reason: 'request', requestedBy: 'x', by: 'lead' });
    const again = await importFghm(p, fixture('dev_seen.json'), forgottenGuard(p)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ImportError);
    expect((again as ImportError).message).toMatch(/item 83745 was forgotten on .*re-import refused/);
    // The same image bytes under a new id and name.
    await copyFile(DEMO_IMG, join(dir, 'img/99999.png'));
    const file = join(await tempDir(), 'new.jsonl');
    await writeFile(file, JSON.stringify({ id: 99999, img: 'img/99999.png', text: 'same picture' }) + '\n');
    await expect(importFghm(p, file, forgottenGuard(p))).rejects.toThrow(
      /image belongs to an item forgotten/,
    );
    await p.close();
    // The audit finds the copy of the image too.
    expect((await auditProject(dir)).findings.map((f) => f.file)).toContain('img/99999.png');
  });
});

describe('forgetting an annotator', () => {
  it('removes all their labels and recomputes gold and statistics', async () => {
    const { dir } = await fixtureProject();
    const p = await Project.open(dir, { lead: true });
    const before = flattenAgreement(p.agreement());
    expect(before['annotator.fghm-3.items_done']).toBe(237);
    // The tombstone keeps its reason and "requested by" for good: naming the id there is refused.
    await expect(
      forgetAnnotator(p, 'fghm-3', { reason: 'withdrew consent', requestedBy: 'fghm-3', by: 'lead' }),
    ).rejects.toThrow(
      'the requested by names what is being forgotten ("fghm-3"), and the tombstone keeps it for good',
    );
    await expect(
      forgetAnnotator(p, 'fghm-3', { reason: 'fghm-3 withdrew consent', requestedBy: 'them', by: 'lead' }),
    ).rejects.toThrow('the reason names what is being forgotten ("fghm-3")');
    expect(p.governance.tombstones).toHaveLength(0);
    await forgetAnnotator(p, 'fghm-3', {
      reason: 'withdrew consent',
      requestedBy: 'the annotator',
      by: 'lead',
    });
    await p.close();
    const q = await Project.open(dir);
    const after = flattenAgreement(q.agreement());
    expect(after['annotator.fghm-3.items_done']).toBeUndefined();
    expect(q.stableOrder()).toStrictEqual(['fghm-1', 'fghm-2']);
    // With two annotators left, full overlap is two raters: many more items count.
    expect(after['pc.items_full_overlap']).toBeGreaterThan(before['pc.items_full_overlap'] as number);
    expect(q.config.roster.map((r) => r.id)).toStrictEqual(['fghm-1', 'fghm-2']);
    await q.close();
    expect((await auditProject(dir)).findings).toStrictEqual([]);
  });
});

describe('export with data-rights filters', () => {
  it('writes a manifest whose counts match the records and whose sha256 matches the file', async () => {
    const dir = await tempDir();
    await initProject(dir);
    const p = await Project.open(dir, { lead: true });
    await importFghm(p, fixture('dev_seen.json'));
    const ids = p.items.map((i) => i.id);
    const licences = ['CC-BY-4.0', 'CC0', 'proprietary'];
    const consents = ['yes', 'no', 'unknown'];
    const rows = ids.map(
      (id, i) =>
        `${id},src-${i % 4},${i % 7 === 0 ? '' : licences[i % 3]},${consents[i % 5 === 0 ? 2 : i % 2]},${i % 6 === 0 ? 'EU' : 'US'}`,
    );
    const sidecar = join(await tempDir(), 'prov.csv');
    await writeFile(sidecar, `id,source,license,consent,region\n${rows.join('\n')}\n`);
    const imported = await importProvenance(p, sidecar, 'lead');
    expect(imported.items).toBe(500);
    const out = join(dir, 'exports', 'gold.jsonl');
    const rights = {
      excludeNoConsent: true,
      excludeLicences: ['proprietary', 'unknown'],
      excludeRegions: ['EU'],
    };
    const summary = await exportGold(p, out, { format: 'fghm', policy: 'fghm', rights });
    const text = await readFile(out, 'utf8');
    const records = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number });
    const manifest = JSON.parse(await readFile(summary.manifest as string, 'utf8'));
    expect(manifest.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(manifest.records).toBe(records.length);
    expect(manifest.policy).toBe('fghm');
    expect(manifest.filters).toMatchObject({
      exclude_no_consent: true,
      exclude_licences: ['proprietary', 'unknown'],
      exclude_regions: ['EU'],
    });
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.annotators).toBe(3);
    // Recount from the sidecar itself, for the exported ids only.
    const byId = new Map(
      rows.map((r) => {
        const [id, source, licence, consent, region] = r.split(',');
        return [Number(id), { source, licence: licence || 'unknown', consent, region }];
      }),
    );
    const count = (k: 'source' | 'licence' | 'consent' | 'region'): Record<string, number> => {
      const m: Record<string, number> = {};
      for (const r of records) m[byId.get(r.id)![k]] = (m[byId.get(r.id)![k]] ?? 0) + 1;
      return m;
    };
    expect(manifest.counts.licence).toStrictEqual(count('licence'));
    expect(manifest.counts.consent).toStrictEqual({ yes: records.length });
    expect(manifest.counts.source).toStrictEqual(count('source'));
    expect(manifest.counts.region).toStrictEqual({ US: records.length });
    for (const r of records) {
      const prov = byId.get(r.id)!;
      expect(prov.consent).toBe('yes');
      expect(['proprietary', 'unknown']).not.toContain(prov.licence);
      expect(prov.region).not.toBe('EU');
    }
    expect(manifest.left_out.rights).toBe(500 - records.length);
    await p.close();
  });

  it('names the file, line and field of a bad provenance row and records nothing', async () => {
    const dir = await tempDir();
    await initProject(dir);
    const p = await Project.open(dir, { lead: true });
    await importFghm(p, fixture('dev_seen.json'));
    const sidecar = join(await tempDir(), 'prov.csv');
    await writeFile(sidecar, 'id,consent\n8291,yes\n5349,maybe\n');
    await expect(importProvenance(p, sidecar, 'lead')).rejects.toThrow(`${sidecar}:3: field "consent"`);
    expect(await readFile(p.paths.governance, 'utf8').catch(() => '')).toBe('');
    // A misspelt column or key is refused by name, not dropped (the licence would read unknown).
    await writeFile(sidecar, 'id,source,licenze,consent\n8291,forum,CC0,yes\n');
    await expect(importProvenance(p, sidecar, 'lead')).rejects.toThrow(
      `${sidecar}:1: "licenze" is not a provenance field (id, source, licence or license, consent, region, notes); nothing was imported`,
    );
    const jsonl = join(await tempDir(), 'prov.jsonl');
    await writeFile(jsonl, '{"id":8291,"license":"CC0"}\n{"id":5349,"licenze":"CC0"}\n');
    await expect(importProvenance(p, jsonl, 'lead')).rejects.toThrow(
      `${jsonl}:2: "licenze" is not a provenance field`,
    );
    expect(await readFile(p.paths.governance, 'utf8').catch(() => '')).toBe('');
    await p.close();
  });
});
