// Known-answer memes from a file: released FGHM records whose gold is the known answer. Any bad
// record, or one naming a meme the project does not have, and nothing is imported.
import { fromFghm } from '../../shared/fghm';
import { formatLineError } from '../../shared/jsonl';
import { normalizeLabels } from '../../shared/labels';
import type { Check, ItemId } from '../../shared/records';
import { HATEFUL, NOT_HATEFUL, TASK_EMPTY, type Hate } from '../../shared/taxonomy';
import { UserError } from './errors';
import type { Project } from './project';
import { readRecords } from './validate';

interface KnownRecord {
  id: ItemId;
  hate: Hate;
  pc: string[];
  attack: string[];
}

/** A known answer from a released record's gold (gold_hate, gold_pc, gold_attack). */
function checkKnownRecord(raw: unknown): Check<KnownRecord> {
  const m = fromFghm(raw);
  if (!m.ok) return m;
  const r = raw as Record<string, unknown>;
  const hate = (r.gold_hate as string[] | undefined)?.[0];
  if (hate !== HATEFUL && hate !== NOT_HATEFUL)
    return { ok: false, error: 'field "gold_hate": a known answer needs ["hateful"] or ["not_hateful"]' };
  const list = (f: string, empty: string): string[] =>
    Array.isArray(r[f]) ? (r[f] as string[]).filter((l) => l !== empty) : [];
  return {
    ok: true,
    value: {
      id: m.value.item.id,
      hate,
      pc: list('gold_pc', TASK_EMPTY.pc),
      attack: list('gold_attack', TASK_EMPTY.attack),
    },
  };
}

/** Marks every record of `path` a known answer (lead only); returns how many. */
export async function importKnownFile(project: Project, path: string, by: string): Promise<number> {
  const parsed = await readRecords(path, checkKnownRecord);
  if (parsed.errors.length) throw new UserError(`${formatLineError(parsed.errors[0])}; nothing was imported`);
  const missing = parsed.records.find((r) => !project.item(r.value.id));
  if (missing)
    throw new UserError(
      `${path}:${missing.line}: field "id": no item ${String(missing.value.id)} in this project; nothing was imported`,
    );
  const at = new Date().toISOString();
  await project.appendKnown(
    parsed.records.map(({ value: k }) => ({
      v: 1 as const,
      item: project.item(k.id)!.id,
      ...normalizeLabels(k.hate, k.pc, k.attack),
      by,
      at,
    })),
  );
  return parsed.records.length;
}
