// `memejury audit`: proves that what was forgotten is gone. Every file of the project is read:
// data lines whose item or annotator hashes to a tombstone, images whose bytes hash to one,
// annotator files and roster entries of forgotten annotators. Tombstones hold only hashes, so
// the audit hashes what it finds rather than searching for content it no longer has.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { checkGovernanceEvent, GovernanceState } from '../../shared/governance';
import { parseJsonl } from '../../shared/jsonl';
import { isAnnotatorId } from '../../shared/records';
import { dataFiles, mentionsAnnotator, mentionsItem, refsInText } from './forget';
import { annotatorHash, fileHash, itemHash } from './hashes';
import { isImagePath } from './images';
import { projectPaths } from './paths';

export interface AuditFinding {
  file: string;
  line: number | null;
  what: string;
}

export interface AuditReport {
  tombstones: number;
  filesScanned: number;
  imagesHashed: number;
  findings: AuditFinding[];
}

async function allImages(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') await walk(p);
      } else if (e.isFile() && isImagePath(e.name)) out.push(p);
    }
  };
  await walk(dir);
  return out;
}

export async function auditProject(dir: string): Promise<AuditReport> {
  const paths = projectPaths(dir);
  const g = new GovernanceState();
  const text = await readFile(paths.governance, 'utf8').catch(() => '');
  for (const { value } of parseJsonl(text, 'governance.jsonl', checkGovernanceEvent).records) g.apply(value);
  const report: AuditReport = {
    tombstones: g.tombstones.length,
    filesScanned: 0,
    imagesHashed: 0,
    findings: [],
  };
  if (g.tombstones.length === 0) return report;

  const itemHit = (v: unknown): string | null => {
    for (const h of g.itemHashes) if (mentionsItem(v, h)) return 'a forgotten item';
    for (const h of g.annotatorHashes) if (mentionsAnnotator(v, h)) return 'a forgotten annotator';
    return null;
  };
  for (const file of await dataFiles(dir)) {
    const rel = relative(dir, file);
    const body = await readFile(file, 'utf8').catch(() => '');
    report.filesScanned++;
    let values: { v: unknown; line: number }[] = [];
    const trimmed = body.trimStart();
    if (trimmed.startsWith('[')) {
      try {
        values = (JSON.parse(body) as unknown[]).map((v, i) => ({ v, line: i + 1 }));
      } catch {
        values = [];
      }
    }
    if (values.length === 0)
      body.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        try {
          values.push({ v: JSON.parse(line), line: i + 1 });
        } catch {
          const cell = /\.csv$/i.test(file) ? line.split(',')[0]?.replace(/^"|"$/g, '').trim() : '';
          if (cell) values.push({ v: { id: /^\d+$/.test(cell) ? Number(cell) : cell }, line: i + 1 });
          for (const ref of refsInText(line)) values.push({ v: { id: ref }, line: i + 1 });
        }
      });
    for (const { v, line } of values) {
      if (typeof v === 'object' && v !== null && (v as { type?: string }).type === 'forget') continue;
      const hit = itemHit(v);
      if (hit) report.findings.push({ file: rel, line, what: `${hit} is still here` });
    }
  }
  // Annotator files and roster entries of forgotten annotators.
  const names = await readdir(paths.annotations).catch(() => [] as string[]);
  for (const n of names) {
    const id = n.replace(/\.jsonl(\.corrupt)?$/, '');
    if (isAnnotatorId(id) && g.annotatorHashes.has(annotatorHash(id)))
      report.findings.push({
        file: relative(dir, join(paths.annotations, n)),
        line: null,
        what: 'the file of a forgotten annotator',
      });
  }
  try {
    const config = JSON.parse(await readFile(paths.config, 'utf8')) as { roster?: { id: string }[] };
    for (const r of config.roster ?? [])
      if (g.annotatorHashes.has(annotatorHash(r.id)))
        report.findings.push({
          file: relative(dir, paths.config),
          line: null,
          what: 'a forgotten annotator in the roster',
        });
  } catch {
    /* an unreadable project.json is reported by every other command */
  }
  // Images: by bytes (a copy under another name is found too) and by the id in their name.
  for (const img of await allImages(dir)) {
    report.imagesHashed++;
    const h = g.imgHashes.size ? await fileHash(img) : null;
    const stem = basename(img).replace(/\.[^.]+$/, '');
    const byName = /^\d+$/.test(stem) ? g.itemHashes.has(itemHash(Number(stem))) : false;
    if ((h && g.imgHashes.has(h)) || byName)
      report.findings.push({ file: relative(dir, img), line: null, what: 'the image of a forgotten item' });
  }
  return report;
}
