// Provenance from a sidecar file (CSV with a header row, or JSON Lines), keyed by item id, into
// governance.jsonl: each value change is an event, so the history is kept.
import { UserError } from './errors';
import { basename } from 'node:path';
import { CsvError, parseCsv } from '../../shared/csv';
import { provenanceSchema, type ProvenanceEvent } from '../../shared/governance';
import { formatLineError, parseJsonl, type LineError } from '../../shared/jsonl';
import type { ItemId, Provenance } from '../../shared/records';
import { readTextFile } from './fsx';
import type { Project } from './project';

class ProvenanceError extends UserError {}

const FIELDS = ['source', 'licence', 'consent', 'region', 'notes'] as const;
const KNOWN: readonly string[] = ['id', ...FIELDS];

/**
 * A column or key no provenance field has (a misspelt "licenze"): refused, or its values would be
 * dropped without a word and the meme's licence read as unknown.
 */
function unknownField(names: readonly string[], file: string, line: number): LineError | null {
  const odd = names.find((n) => !KNOWN.includes(n));
  return odd === undefined
    ? null
    : {
        file,
        line,
        message: `"${odd}" is not a provenance field (id, source, licence or license, consent, region, notes); nothing was imported`,
      };
}

function rowsOf(
  text: string,
  file: string,
): { id: unknown; fields: Record<string, unknown>; line: number }[] | LineError {
  if (/\.csv$/i.test(file)) {
    let rows;
    try {
      rows = parseCsv(text);
    } catch (err) {
      if (err instanceof CsvError) return { file, line: err.line, message: err.reason };
      throw err;
    }
    if (rows.length === 0) return { file, line: 1, message: 'empty file' };
    const header = rows[0].cells.map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^license$/, 'licence'),
    );
    if (!header.includes('id'))
      return { file, line: rows[0].line, message: 'the header row needs an "id" column' };
    const odd = unknownField(header, file, rows[0].line);
    if (odd) return odd;
    return rows.slice(1).map((r) => {
      const fields: Record<string, unknown> = {};
      header.forEach((h, i) => {
        if (r.cells[i] !== undefined && r.cells[i] !== '') fields[h] = r.cells[i];
      });
      const raw = fields.id as string | undefined;
      return { id: raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : raw, fields, line: r.line };
    });
  }
  const parsed = parseJsonl(text, file);
  if (parsed.errors.length) return parsed.errors[0];
  const rows = [];
  for (const r of parsed.records) {
    const fields = { ...(r.value as Record<string, unknown>) };
    if (fields.license !== undefined && fields.licence === undefined) fields.licence = fields.license;
    delete fields.license;
    const odd = unknownField(Object.keys(fields), file, r.line);
    if (odd) return odd;
    rows.push({ id: fields.id, fields, line: r.line });
  }
  return rows;
}

export async function importProvenance(
  project: Project,
  file: string,
  by: string,
): Promise<{ items: number; events: number }> {
  const rows = rowsOf(await readTextFile(file), file);
  if (!Array.isArray(rows)) throw new ProvenanceError(formatLineError(rows));
  const events: ProvenanceEvent[] = [];
  const at = new Date().toISOString();
  for (const { id, fields, line } of rows) {
    const item = typeof id === 'number' || typeof id === 'string' ? project.item(id as ItemId) : undefined;
    if (!item)
      throw new ProvenanceError(
        `${file}:${line}: field "id": no item ${String(id)} in this project; nothing was imported`,
      );
    const set: Record<string, unknown> = {};
    for (const f of FIELDS)
      if (fields[f] !== undefined)
        set[f] = typeof fields[f] === 'string' ? (fields[f] as string).trim() : fields[f];
    if (typeof set.consent === 'string') set.consent = set.consent.toLowerCase();
    const checked = provenanceSchema.safeParse(set);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new ProvenanceError(
        `${file}:${line}: field "${issue.path.join('.')}": ${issue.message}; nothing was imported`,
      );
    }
    const current = item.provenance ?? {};
    const changed = Object.fromEntries(
      Object.entries(checked.data).filter(([k, v]) => current[k as keyof Provenance] !== v),
    ) as Provenance;
    if (Object.keys(changed).length === 0) continue;
    events.push({ v: 1, type: 'provenance', item: item.id, set: changed, by, at, via: basename(file) });
  }
  if (events.length) await project.appendGovernance(events);
  return { items: rows.length, events: events.length };
}

/** A lead's edit in the app: one event with the changed fields. */
export async function setProvenance(
  project: Project,
  id: ItemId,
  set: Provenance,
  by: string,
): Promise<Provenance> {
  const item = project.item(id);
  if (!item) throw new ProvenanceError(`no item ${String(id)} in this project`);
  const checked = provenanceSchema.parse(set);
  await project.appendGovernance({
    v: 1,
    type: 'provenance',
    item: item.id,
    set: checked,
    by,
    at: new Date().toISOString(),
    via: 'app',
  });
  return item.provenance ?? {};
}
