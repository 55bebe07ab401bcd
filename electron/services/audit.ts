// `memejury audit`: proves that what was forgotten is gone. Every file of the project is read:
// data lines whose item or annotator hashes to a tombstone, images whose bytes hash to one,
// annotator files and roster entries of forgotten annotators. Tombstones hold only hashes, so
// the audit hashes what it finds rather than searching for content it no longer has.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { checkGovernanceEvent, GovernanceState } from '../../shared/governance';
import { parseJsonl } from '../../shared/jsonl';
import { isTombstoneRecord, mentionsAnnotator, mentionsItem } from './forget';
import { annotatorHash, fileHash, itemHash } from './hashes';
import { idFromImagePath } from './items';
import { annotatorOfFileName, projectPaths } from './paths';
import { allImages, dataFiles, isCsvPath, parseDataFile } from './projectFiles';

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
  warnings: string[];
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
    warnings: [],
  };
  if (g.tombstones.length === 0) return report;

  const itemHit = (v: unknown): string | null => {
    for (const h of g.itemHashes) if (mentionsItem(v, h)) return 'a forgotten item';
    for (const h of g.annotatorHashes) if (mentionsAnnotator(v, h)) return 'a forgotten annotator';
    return null;
  };
  for (const rel of await dataFiles(dir)) {
    const body = await readFile(join(dir, rel), 'utf8').catch(() => '');
    report.filesScanned++;
    const parsed = parseDataFile(body, isCsvPath(rel));
    const values =
      parsed.kind === 'array'
        ? parsed.elements.map((v, i) => ({ v, line: i + 1 }))
        : parsed.lines.flatMap((l, i) => l.values.map((v) => ({ v, line: i + 1 })));
    for (const { v, line } of values) {
      if (isTombstoneRecord(v)) continue;
      const hit = itemHit(v);
      if (hit) report.findings.push({ file: rel, line, what: `${hit} is still here` });
    }
  }
  // Annotator files and roster entries of forgotten annotators.
  const names = await readdir(paths.annotations).catch(() => [] as string[]);
  for (const n of names) {
    const id = annotatorOfFileName(n, true);
    if (id !== null && g.annotatorHashes.has(annotatorHash(id)))
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
    const h = g.imgHashes.size ? await fileHash(join(dir, img)) : null;
    const byName = g.itemHashes.has(itemHash(idFromImagePath(img)));
    if ((h && g.imgHashes.has(h)) || byName)
      report.findings.push({ file: img, line: null, what: 'the image of a forgotten item' });
  }
  return report;
}
