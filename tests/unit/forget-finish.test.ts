// Forgetting that finishes and an audit that sees everything (issue 10): a forget cut short after
// its tombstone is finished by the next run or the next open; temp files, full-format exports,
// ids in another spelling and version history are looked at; manifests stay true; a forgotten
// annotator is never re-created; forgetting an id the project does not have needs --force.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../shared/dashboard';
import { reportCsv, reportHtml, reportJson } from '../../shared/report';
import { auditProject } from '../../electron/services/audit';
import { exportGold } from '../../electron/services/exporter';
import { forgetAnnotator, forgetItem, forgottenGuard } from '../../electron/services/forget';
import { fileHash, itemHash } from '../../electron/services/hashes';
import { importFghm } from '../../electron/services/importer';
import { initProject, Project } from '../../electron/services/project';
import { CLI, ROOT, fixture, tempDir, testBackend } from './helpers';

const ITEM = 83745; // hateful, three annotator slots in dev_seen
const DEMO_IMG = join(ROOT, 'electron/resources/demo/img/00001.png');

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function project(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir, { name: 'finish' });
  const p = await Project.open(dir, { lead: true });
  await importFghm(p, fixture('dev_seen.json'));
  await mkdir(join(dir, 'img'), { recursive: true });
  await copyFile(DEMO_IMG, join(dir, `img/${ITEM}.png`));
  await p.close();
  return dir;
}

/** What a forget killed right after its tombstone leaves: the tombstone and nothing else done. */
async function tombstoneOnly(dir: string, id: number): Promise<void> {
  const line = {
    v: 1,
    type: 'forget',
    scope: 'item',
    hash: itemHash(id),
    img_hash: await fileHash(join(dir, `img/${id}.png`)),
    reason: 'erasure request',
    requested_by: 'x',
    by: 'lead',
    at: new Date().toISOString(),
  };
  await appendFile(join(dir, '.memejury/governance.jsonl'), JSON.stringify(line) + '\n');
}

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

async function tombstones(dir: string): Promise<number> {
  const text = await readFile(join(dir, '.memejury/governance.jsonl'), 'utf8').catch(() => '');
  return text.split('\n').filter((l) => l.includes('"type":"forget"')).length;
}

describe('a forget cut short after its tombstone', () => {
  it('is finished by running forget again: image gone, every file purged, no second tombstone', async () => {
    const dir = await project();
    await tombstoneOnly(dir, ITEM);
    expect((await auditProject(dir)).findings.length).toBeGreaterThan(0);
    const r = cli('forget', '--project', dir, '--item', String(ITEM), '--reason', 'erasure request');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/already forgotten/);
    expect(await exists(join(dir, `img/${ITEM}.png`))).toBe(false);
    expect((await auditProject(dir)).findings).toStrictEqual([]);
    expect(await tombstones(dir)).toBe(1);
  });

  it('is finished when an app next opens the project', async () => {
    const dir = await project();
    await tombstoneOnly(dir, ITEM);
    const b = await testBackend(await tempDir(), 'ann-x');
    const opened = await b.call('project:open', { dir });
    expect(opened.warnings.join('\n')).not.toMatch(/unfinished/);
    await b.dispose();
    expect(await exists(join(dir, `img/${ITEM}.png`))).toBe(false);
    expect((await auditProject(dir)).findings).toStrictEqual([]);
  });

  it('when another app holds the lead lock, the app says so and the audit names what remains', async () => {
    const dir = await project();
    await tombstoneOnly(dir, ITEM);
    // The lead's app runs elsewhere on this machine (a live process holds the lead lock).
    const other = spawn('sleep', ['30']);
    try {
      await mkdir(join(dir, '.memejury/locks'), { recursive: true });
      await writeFile(
        join(dir, '.memejury/locks/_lead.lock'),
        JSON.stringify({
          pid: other.pid,
          host: hostname(),
          since: new Date().toISOString(),
          app: 'Meme Jury',
        }),
      );
      const b = await testBackend(await tempDir(), 'ann-y');
      const summary = await b.call('project:open', { dir });
      await b.dispose();
      expect(summary.warnings.join('\n')).toMatch(/1 forget.*unfinished.*lead/);
      const audit = await auditProject(dir);
      expect(audit.findings.map((f) => f.file)).toContain(`img/${ITEM}.png`);
    } finally {
      other.kill();
    }
  });
});

describe('the audit sees everywhere', () => {
  it('temp files left by a killed export or import, which the next writer sweeps away', async () => {
    const dir = await project();
    const line = (await readFile(fixture('dev_seen.json'), 'utf8'))
      .split('\n')
      .find((l) => l.includes(`"id":${ITEM},`));
    // A temp file of a killed export (dead pid), half written, inside the project.
    await mkdir(join(dir, 'exports'));
    const temp = join(dir, 'exports', `.gold.jsonl.999999.${Date.now()}.0.tmp`);
    await writeFile(temp, `${line}\n{"id":1,"img":"img/`);
    const p = await Project.open(dir, { lead: true });
    await forgetItem(p, ITEM, { reason: 'request', requestedBy: 'x', by: 'lead' });
    await p.close();
    expect(await exists(temp)).toBe(false);
    expect((await auditProject(dir)).findings).toStrictEqual([]);
    // The audit alone reports one (a temp file appearing after the forget, from a synced copy).
    await writeFile(temp, `${line}\n`);
    const audit = await auditProject(dir);
    expect(audit.findings).toStrictEqual([
      { file: temp.slice(dir.length + 1), line: 1, what: 'a forgotten item is still here' },
    ]);
  });

  it('no temp file outlives its writer: the next open sweeps those of dead processes', async () => {
    const dir = await project();
    const stale = [
      join(dir, `.dev_seen.jsonl.999999.${Date.now()}.3.tmp`),
      join(dir, '.memejury', `.project.json.999998.${Date.now()}.0.tmp`),
      join(dir, '.memejury/annotations', `.fghm-1.jsonl.999997.${Date.now()}.1.tmp`),
    ];
    for (const f of stale) await writeFile(f, 'partial');
    const live = join(dir, '.memejury', `.project.json.${process.pid}.${Date.now()}.9.tmp`);
    await writeFile(live, 'being written');
    const b = await testBackend(await tempDir(), 'ann-s');
    await b.call('project:open', { dir });
    await b.dispose();
    for (const f of stale) expect(await exists(f), f).toBe(false);
    expect(await exists(live)).toBe(true);
  });

  it('full-format exports that name a forgotten annotator', async () => {
    const dir = await project();
    const p = await Project.open(dir, { lead: true });
    const full = await exportGold(p, join(dir, 'exports/full.jsonl'), { format: 'full', policy: 'fghm' });
    const fghm = await exportGold(p, join(dir, 'exports/gold.jsonl'), { format: 'fghm', policy: 'fghm' });
    await forgetAnnotator(p, 'fghm-3', {
      reason: 'withdrew consent',
      requestedBy: 'the annotator',
      by: 'lead',
    });
    await p.close();
    const audit = await auditProject(dir);
    expect(audit.findings).toStrictEqual([]);
    // A tombstone written by an older version, its "requested by" naming the id: the audit finds it.
    const gov = join(dir, '.memejury/governance.jsonl');
    const lines = (await readFile(gov, 'utf8')).trim().split('\n');
    const tomb = JSON.parse(lines.at(-1) as string) as Record<string, unknown>;
    await writeFile(gov, [...lines, JSON.stringify({ ...tomb, requested_by: 'fghm-3' })].join('\n') + '\n');
    expect((await auditProject(dir)).findings).toStrictEqual([
      {
        file: join('.memejury', 'governance.jsonl'),
        line: lines.length + 1,
        what: 'a tombstone whose reason or "requested by" names what was forgotten',
      },
    ]);
    await writeFile(gov, lines.join('\n') + '\n');
    // The full export named the annotator in thousands of places: it goes, with its manifest.
    expect(await exists(full.out)).toBe(false);
    expect(await exists(full.manifest as string)).toBe(false);
    // The FGHM export names nobody: it stays as it was, its manifest true.
    const text = await readFile(fghm.out);
    const m = JSON.parse(await readFile(fghm.manifest as string, 'utf8'));
    expect(m.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('agreement reports inside the project that name a forgotten annotator go; the audit finds any left', async () => {
    const dir = await project();
    const p = await Project.open(dir, { lead: true });
    const { items, golds } = p.scored();
    const d = buildDashboard(p.state, items, golds, p.policy(), p.fullOverlap());
    const at = new Date().toISOString();
    await mkdir(join(dir, 'exports'), { recursive: true });
    const reports = {
      json: reportJson(d, 'finish', at),
      csv: reportCsv(d),
      html: reportHtml(d, 'finish', at),
    };
    for (const [ext, text] of Object.entries(reports))
      await writeFile(join(dir, `exports/team.${ext}`), text);
    await forgetAnnotator(p, 'fghm-3', {
      reason: 'withdrew consent',
      requestedBy: 'the annotator',
      by: 'lead',
    });
    await p.close();
    for (const ext of Object.keys(reports))
      expect(await exists(join(dir, `exports/team.${ext}`)), ext).toBe(false);
    expect((await auditProject(dir)).findings).toStrictEqual([]);
    // One synced in afterwards is found.
    await writeFile(join(dir, 'exports/late.csv'), reports.csv);
    expect((await auditProject(dir)).findings).toStrictEqual([
      { file: 'exports/late.csv', line: null, what: 'an agreement report naming a forgotten annotator' },
    ]);
  });

  it('ids in another spelling: "083745" is item 83745, in files and at import', async () => {
    const dir = await project();
    const p = await Project.open(dir, { lead: true });
    await forgetItem(p, ITEM, { reason: 'request', requestedBy: 'x', by: 'lead' });
    const file = join(await tempDir(), 'again.jsonl');
    for (const spelling of [`"0${ITEM}"`, `"${ITEM} "`, `" ${ITEM}"`, `"00${ITEM}"`]) {
      await writeFile(file, `{"id":${spelling},"img":"img/x${ITEM}.png","text":"the text"}\n`);
      await expect(importFghm(p, file, forgottenGuard(p)), spelling).rejects.toThrow(/forgotten/);
    }
    // An image path named after the forgotten id, under a new id.
    await writeFile(file, `{"id":"new-1","img":"img/0${ITEM}.png","text":"x"}\n`);
    await expect(importFghm(p, file, forgottenGuard(p))).rejects.toThrow(/forgotten/);
    await p.close();
    await writeFile(join(dir, 'extra.jsonl'), `{"id":"0${ITEM}","img":"img/y.png","text":"t"}\n`);
    const audit = await auditProject(dir);
    expect(audit.findings).toStrictEqual([
      { file: 'extra.jsonl', line: 1, what: 'a forgotten item is still here' },
    ]);
  });

  it('warns that version history still holds what was forgotten, and how to purge it', async () => {
    const dir = await project();
    spawnSync('git', ['init', '-q', dir]);
    const p = await Project.open(dir, { lead: true });
    await forgetItem(p, ITEM, { reason: 'request', requestedBy: 'x', by: 'lead' });
    await p.close();
    const audit = await auditProject(dir);
    expect(audit.findings).toStrictEqual([]);
    expect(audit.warnings.join('\n')).toMatch(/git/);
    expect(audit.warnings.join('\n')).toMatch(/filter-repo|history/);
    const r = cli('audit', '--project', dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*git/);
  });
});

describe('manifests stay true', () => {
  it('an export inside the project is rewritten without the item, and its manifest with it', async () => {
    const dir = await project();
    const sidecar = join(dir, 'prov.csv');
    await writeFile(sidecar, `id,source,licence,consent\n${ITEM},forum,CC0,yes\n5349,forum,CC0,no\n`);
    const p = await Project.open(dir, { lead: true });
    const { importProvenance } = await import('../../electron/services/provenance');
    await importProvenance(p, sidecar, 'lead');
    const run = await exportGold(p, join(dir, 'exports/gold.jsonl'), { format: 'fghm', policy: 'fghm' });
    const before = JSON.parse(await readFile(run.manifest as string, 'utf8'));
    await forgetItem(p, ITEM, { reason: 'request', requestedBy: 'x', by: 'lead' });
    await p.close();
    const text = await readFile(run.out, 'utf8');
    expect(text).not.toContain(`"id":${ITEM},`);
    const m = JSON.parse(await readFile(run.manifest as string, 'utf8'));
    expect(m.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(m.bytes).toBe(Buffer.byteLength(text));
    expect(m.records).toBe(text.trim().split('\n').length);
    expect(m.records).toBe(before.records - 1);
    expect(m.counts.source.forum).toBe(before.counts.source.forum - 1);
    // Counts that reach zero leave the manifest, as they are never written as 0.
    expect(m.counts.consent.yes ?? 0).toBe(before.counts.consent.yes - 1);
    expect(m.forgotten_items).toBe(1);
    expect(m.rewritten).toEqual([
      expect.objectContaining({ removed: 1, why: expect.stringMatching(/forgotten/) }),
    ]);
  });
});

describe('an export made before provenance was recorded', () => {
  it('is rewritten with the counts it made then, not removed (provenance set after the export)', async () => {
    const dir = await project();
    const p = await Project.open(dir, { lead: true });
    const run = await exportGold(p, join(dir, 'exports/gold.jsonl'), { format: 'fghm', policy: 'fghm' });
    const before = JSON.parse(await readFile(run.manifest as string, 'utf8'));
    // Recorded after the export: the manifest counted the item's licence as unknown.
    await new Promise((r) => setTimeout(r, 5));
    const sidecar = join(dir, 'prov.csv');
    await writeFile(sidecar, `id,source,licence,consent\n${ITEM},forum,CC0,yes\n`);
    const { importProvenance } = await import('../../electron/services/provenance');
    await importProvenance(p, sidecar, 'lead');
    const r = await forgetItem(p, ITEM, { reason: 'request', requestedBy: 'x', by: 'lead' });
    await p.close();
    expect(r.deleted).not.toContain('exports/gold.jsonl');
    expect(r.rewritten).toContain('exports/gold.jsonl');
    const text = await readFile(run.out, 'utf8');
    expect(text).not.toContain(`"id":${ITEM},`);
    const m = JSON.parse(await readFile(run.manifest as string, 'utf8'));
    expect(m.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(m.records).toBe(before.records - 1);
    expect(m.counts.licence.unknown).toBe(before.counts.licence.unknown - 1);
    expect(m.counts.licence.CC0).toBeUndefined();
    expect(m.counts.source.forum).toBeUndefined();
  });
});

describe('forgetting annotators', () => {
  it('a forgotten annotator is never re-created by a later import', async () => {
    const dir = await project();
    const p = await Project.open(dir, { lead: true });
    await forgetAnnotator(p, 'fghm-3', {
      reason: 'withdrew consent',
      requestedBy: 'the annotator',
      by: 'lead',
    });
    const r = await importFghm(p, fixture('dev_seen.json'), forgottenGuard(p));
    expect(r.warnings.join('\n')).toMatch(/fghm-3.*forgotten/);
    await p.close();
    expect(await readdir(join(dir, '.memejury/annotations'))).not.toContain('fghm-3.jsonl');
    expect((await auditProject(dir)).findings).toStrictEqual([]);
    // Nor does an app of that annotator open the project.
    const b = await testBackend(await tempDir(), 'fghm-3');
    await expect(b.call('project:open', { dir })).rejects.toThrow(/forgotten/);
    await b.dispose();
  });

  it('an id the project does not have is forgotten only with --force', async () => {
    const dir = await project();
    const r = cli('forget', '--project', dir, '--item', '999999999', '--reason', 'typo?');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not in this project.*--force/);
    expect(await tombstones(dir)).toBe(0);
    const a = cli('forget', '--project', dir, '--annotator', 'nobody-here', '--reason', 'typo?');
    expect(a.code).not.toBe(0);
    expect(a.stderr).toMatch(/--force/);
    expect(await tombstones(dir)).toBe(0);
    const forced = cli(
      'forget',
      '--project',
      dir,
      '--item',
      '999999999',
      '--reason',
      'pre-emptive',
      '--force',
    );
    expect(forced.code).toBe(0);
    expect(await tombstones(dir)).toBe(1);
  });
});
