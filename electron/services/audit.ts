// `memejury audit`: proves that what was forgotten is gone. Every file of the project is read,
// temp files of killed writers included: data lines naming a forgotten item (in any id
// spelling, or by its image's name) or annotator (full-format exports too), images whose name or
// bytes are a forgotten item's, annotator files and roster entries of forgotten annotators.
// Tombstones hold only hashes, so the audit hashes what it finds rather than searching for
// content it no longer has (forgotten.ts is the one rule, shared with forgetting). What it
// cannot read, version history, it warns about; manifests that no longer match their export
// are warned about too.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { checkGovernanceEvent, GovernanceState } from '../../shared/governance';
import { parseJsonl } from '../../shared/jsonl';
import { Forgotten, isAgreementReport, wordsOf } from './forgotten';
import { exportNamesForgotten, interchangeExportsIn, isPartOf } from './interchange';
import { UserError } from './errors';
import { fileHash } from './hashes';
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
  /** What the audit cannot check but the lead must know. */
  warnings: string[];
}

/** The folder holding git's history for `dir` (itself or an ancestor), if any. */
async function gitFolder(dir: string): Promise<string | null> {
  let cur = dir;
  for (;;) {
    if (
      await stat(join(cur, '.git')).then(
        () => true,
        () => false,
      )
    )
      return join(cur, '.git');
    const up = dirname(cur);
    if (up === cur) return null;
    cur = up;
  }
}

/** Exports whose manifest no longer describes them (hash or size). */
async function staleManifests(dir: string, files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const rel of files) {
    if (!rel.endsWith('.manifest.json')) continue;
    try {
      const m = JSON.parse(await readFile(join(dir, rel), 'utf8')) as {
        tool?: string;
        file?: string;
        sha256?: string;
      };
      if (m.tool !== 'memejury' || typeof m.file !== 'string' || basename(m.file) !== m.file) continue;
      const exported = join(dir, dirname(rel), m.file);
      const text = await readFile(exported).catch(() => null);
      if (text === null) continue;
      if (createHash('sha256').update(text).digest('hex') !== m.sha256)
        out.push(
          `${rel}: its sha256 does not match ${relative(dir, exported)} (the file changed after the export)`,
        );
    } catch {
      /* not a manifest of ours */
    }
  }
  return out;
}

export async function auditProject(dir: string): Promise<AuditReport> {
  const paths = projectPaths(dir);
  // A wrong path must not pass as a clean audit.
  if (!(await stat(paths.config).catch(() => null))?.isFile())
    throw new UserError(`${dir} is not a Meme Jury project (no .memejury/project.json): nothing to audit`);
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
  const files = await dataFiles(dir);
  report.warnings.push(...(await staleManifests(dir, files)));
  if (g.tombstones.length === 0) return report;
  const f = Forgotten.fromGovernance(g);

  // A tombstone's reason and "requested by" are kept for good: they must not name what was
  // forgotten (forgetting refuses that now; a project may hold older ones).
  for (const { value, line } of parseJsonl(text, 'governance.jsonl', checkGovernanceEvent).records) {
    if (value.type !== 'forget') continue;
    const words = [...wordsOf(value.reason), ...wordsOf(value.requested_by)];
    if (words.some((w) => f.isAnnotator(w) || f.isItem(w)))
      report.findings.push({
        file: relative(dir, paths.governance),
        line,
        what: 'a tombstone whose reason or "requested by" names what was forgotten',
      });
  }

  // Exports in the other tools' formats are read by their own readers (interchange.ts): a Label
  // Studio task or a Prodigy line names its meme inside, not as a top-level "id".
  const interchange = await interchangeExportsIn(dir, files);
  for (const x of interchange) {
    const hit = await exportNamesForgotten(x, f);
    if (hit)
      report.findings.push({
        file: relative(dir, x.target),
        line: null,
        what: `an export (${x.format}) naming a forgotten ${hit}: run "memejury forget" again to remove it`,
      });
  }
  for (const rel of files) {
    if (interchange.some((x) => isPartOf(x, join(dir, rel)))) continue;
    const body = await readFile(join(dir, rel), 'utf8').catch(() => '');
    report.filesScanned++;
    if (isAgreementReport(body)) {
      if (f.namesAnnotator(body))
        report.findings.push({
          file: rel,
          line: null,
          what: 'an agreement report naming a forgotten annotator',
        });
      continue;
    }
    const parsed = parseDataFile(body, isCsvPath(rel));
    const values =
      parsed.kind === 'array'
        ? parsed.elements.map((v, i) => ({ v, line: i + 1 }))
        : parsed.lines.flatMap((l, i) => l.values.map((v) => ({ v, line: i + 1 })));
    const seen = new Set<number>();
    for (const { v, line } of values) {
      const hit = f.trace(v);
      if (!hit || seen.has(line)) continue;
      seen.add(line);
      report.findings.push({ file: rel, line, what: `a forgotten ${hit} is still here` });
    }
  }
  // Annotator files and roster entries of forgotten annotators.
  const names = await readdir(paths.annotations).catch(() => [] as string[]);
  for (const n of names) {
    const id = annotatorOfFileName(n, true);
    if (id !== null && f.isAnnotator(id))
      report.findings.push({
        file: relative(dir, join(paths.annotations, n)),
        line: null,
        what: 'the file of a forgotten annotator',
      });
  }
  try {
    const config = JSON.parse(await readFile(paths.config, 'utf8')) as { roster?: { id: string }[] };
    for (const r of config.roster ?? [])
      if (f.isAnnotator(r.id))
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
    const h = f.images.size ? await fileHash(join(dir, img)) : null;
    if ((h && f.images.has(h)) || f.isItemImagePath(img))
      report.findings.push({ file: img, line: null, what: 'the image of a forgotten item' });
  }
  const git = await gitFolder(dir);
  if (git)
    report.warnings.push(
      `${git} holds this project's version history, which the audit cannot read: earlier commits still contain what was forgotten. ` +
        'Rewrite the history (git filter-repo --invert-paths --path <image>, git filter-repo --replace-text for lines), ' +
        'force-push, and have every clone deleted and cloned again.',
    );
  return report;
}
