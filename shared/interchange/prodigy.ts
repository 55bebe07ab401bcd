// Prodigy JSONL (prodi.gy/docs/api-interfaces#choice): one `choice` task per annotator answer,
// the options being every label (hate, protected categories as "pc:<label>", attacks as
// "attack:<label>"), `accept` the chosen option ids in the order chosen, `answer: "accept"`,
// `_annotator_id` / `_session_id` in Prodigy's "<dataset>-<session>" form, `_timestamp` in Unix
// seconds, `_input_hash` / `_task_hash` as Prodigy's set_hashes makes them (below). Memes nobody
// answered appear once as an unanswered input task (no "answer"), so their reference gold stays.
// What Prodigy has no key for (our annotator id, the exact time, ms, note, flag, the meme's
// gold and provenance, "this is the lead's decision") travels in a `memejury` object.
//
// Hashes. Prodigy is closed source; its documentation and its authors' forum answers give the
// recipe: the input hash is a MurmurHash of the task's input keys ("text", "image", "html",
// "input"); the task hash is a MurmurHash of the input hash followed by the task keys ("spans",
// "label", "options", "arcs"); keys such as "answer", "_session_id" and "_annotator_id" are
// ignored. The exact serialisation is not documented: we hash JSON with sorted keys and no
// spaces of the keys present ({"image":…,"text":…}; "<input hash>" + {"options":[…]}) with
// MurmurHash3_x86_32 (seed 0, signed). The hashes are deterministic and stable: the same meme
// and question always hash alike, every annotator's answer to a meme shares both hashes (the same
// question, as in Prodigy), and a re-export gives the same values. Hashes read back are not
// checked against ours: Prodigy's own may differ.
import { isAnnotatorId } from '../ids';
import { ATTACK_LABELS, HATEFUL, NOT_HATEFUL, PC_LABELS, isKnownLabel } from '../taxonomy';
import {
  isLabelList,
  isoTime,
  IxCollector,
  provenanceFields,
  withoutEmptyMarkers,
  type IxDocument,
  type IxParsed,
  type IxRecord,
  type IxVote,
} from './model';
import { sanitizeId } from './labelstudio';
import { murmur3 } from './murmur';

export const PRODIGY_INPUT_KEYS = ['text', 'image', 'html', 'input'] as const;
export const PRODIGY_TASK_KEYS = ['spans', 'label', 'options', 'arcs'] as const;

/** JSON with object keys sorted at every depth and no spaces. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function pick(task: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (task[k] !== undefined) out[k] = task[k];
  return out;
}

/** `_input_hash` and `_task_hash` of a task (see the note at the top of this file). */
export function prodigyHashes(task: Record<string, unknown>): { input: number; task: number } {
  const input = murmur3(canonicalJson(pick(task, PRODIGY_INPUT_KEYS)));
  return { input, task: murmur3(`${input}${canonicalJson(pick(task, PRODIGY_TASK_KEYS))}`) };
}

/** Prodigy's dataset name for a project: letters, digits, "_" and "-". */
export function datasetName(project: string): string {
  return sanitizeId(project) ?? 'memejury';
}

interface Option {
  id: string;
  text: string;
}

/** The options of a meme's question: the taxonomy, then any other label its answers use. */
function optionsFor(rec: IxRecord): Option[] {
  const opts: Option[] = [
    { id: HATEFUL, text: 'hateful' },
    { id: NOT_HATEFUL, text: 'not hateful' },
    ...PC_LABELS.map((l) => ({ id: `pc:${l}`, text: l.replace(/_/g, ' ') })),
    ...ATTACK_LABELS.map((l) => ({ id: `attack:${l}`, text: l.replace(/_/g, ' ') })),
  ];
  const seen = new Set(opts.map((o) => o.id));
  const answers = [...rec.votes, ...(rec.decision ? [rec.decision] : [])];
  for (const task of ['pc', 'attack'] as const)
    for (const a of answers)
      for (const l of a[task]) {
        const id = `${task}:${l}`;
        if (!seen.has(id)) {
          seen.add(id);
          opts.push({ id, text: `${l} (${task})` });
        }
      }
  return opts;
}

export function writeProdigy(doc: IxDocument): string {
  const dataset = datasetName(doc.project);
  const lines: string[] = [];
  for (const rec of doc.records) {
    const { item } = rec;
    const meta: Record<string, unknown> = { id: item.id };
    if (item.set_name !== undefined) meta.set_name = item.set_name;
    const base: Record<string, unknown> = { text: item.text, image: item.img, options: optionsFor(rec) };
    const hashes = prodigyHashes(base);
    const memeFields: Record<string, unknown> = {
      gold_hate: rec.gold.hate,
      gold_pc: rec.gold.pc,
      gold_attack: rec.gold.attack,
      ...provenanceFields(item),
    };
    const answer = (
      who: string,
      a: { hate: string; pc: readonly string[]; attack: readonly string[]; at: string; note: string },
      ext: Record<string, unknown>,
    ) => {
      const session = `${dataset}-${who}`;
      return {
        ...base,
        meta,
        accept: [a.hate, ...a.pc.map((l) => `pc:${l}`), ...a.attack.map((l) => `attack:${l}`)],
        answer: 'accept',
        config: { choice_style: 'multiple' },
        _view_id: 'choice',
        _input_hash: hashes.input,
        _task_hash: hashes.task,
        _annotator_id: session,
        _session_id: session,
        _timestamp: Math.floor(Date.parse(a.at) / 1000),
        memejury: { ...memeFields, annotator: who, at: a.at, note: a.note, ...ext },
      };
    };
    for (const v of rec.votes) {
      const ext: Record<string, unknown> = { ms: v.ms, flag: v.flag };
      if (v.gv !== undefined) ext.gv = v.gv;
      lines.push(JSON.stringify(answer(v.annotator, v, ext)));
    }
    if (rec.decision)
      lines.push(
        JSON.stringify(
          answer(rec.decision.lead, rec.decision, {
            decision: true,
            ...(rec.decision.own_vote ? { own_vote: true } : {}),
          }),
        ),
      );
    if (!rec.votes.length && !rec.decision)
      lines.push(
        JSON.stringify({
          ...base,
          meta,
          config: { choice_style: 'multiple' },
          _view_id: 'choice',
          _input_hash: hashes.input,
          _task_hash: hashes.task,
          memejury: memeFields,
        }),
      );
  }
  return lines.map((l) => l + '\n').join('');
}

// ---- reading ---------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The question and label an option id stands for: "pc:race", "attack:mocking", or a bare label. */
function optionLabel(id: string): { q: 'hate' | 'pc' | 'attack'; label: string } | null {
  if (id === HATEFUL || id === NOT_HATEFUL) return { q: 'hate', label: id };
  const m = /^(pc|attack):(.+)$/.exec(id);
  if (m) return { q: m[1] as 'pc' | 'attack', label: m[2] };
  if (isKnownLabel('pc', id) || id === 'pc_empty') return { q: 'pc', label: id };
  if (isKnownLabel('attack', id) || id === 'attack_empty') return { q: 'attack', label: id };
  return null;
}

/**
 * The session part of Prodigy's "<dataset>-<session>" ids: the dataset is the longest prefix
 * ending in "-" that every id of the file shares (one id alone: up to its first "-").
 */
function sessionNames(ids: readonly string[]): Map<string, string> {
  const distinct = [...new Set(ids)];
  let prefix = '';
  if (distinct.length > 1) {
    let common = distinct[0];
    for (const id of distinct) while (!id.startsWith(common)) common = common.slice(0, -1);
    prefix = common.slice(0, common.lastIndexOf('-') + 1);
  } else if (distinct.length === 1 && distinct[0].includes('-'))
    prefix = distinct[0].slice(0, distinct[0].indexOf('-') + 1);
  return new Map(
    distinct.map((id) => [id, sanitizeId(id.slice(prefix.length)) ?? sanitizeId(id) ?? 'prodigy']),
  );
}

export function readProdigy(text: string, file: string): IxParsed {
  const c = new IxCollector('prodigy', file);
  const tasks: { t: Record<string, unknown>; line: number }[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const s = raw.replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (s.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(s);
    } catch {
      c.error(line, 'not valid JSON (one Prodigy task per line)');
      continue;
    }
    if (!isObject(v)) c.error(line, 'expected a task object');
    else tasks.push({ t: v, line });
  }
  // Annotator ids from Prodigy's session ids, unless our own id travels with the task.
  const sessionIds = tasks
    .map(({ t }) => (typeof t._annotator_id === 'string' ? t._annotator_id : t._session_id))
    .filter((s): s is string => typeof s === 'string' && s !== '');
  const sessions = sessionNames(sessionIds);
  let skipped = 0;
  for (const { t, line } of tasks) {
    const ext = isObject(t.memejury) ? t.memejury : {};
    const meta = isObject(t.meta) ? t.meta : {};
    const raw: Record<string, unknown> = { ...ext, id: meta.id ?? t.id, text: t.text, img: t.image };
    if (meta.set_name !== undefined) raw.set_name = meta.set_name;
    delete raw.annotator;
    if (typeof raw.gold_hate === 'string') raw.gold_hate = [raw.gold_hate];
    const item = c.item(raw, line, '', { id: 'meta.id', img: 'image', set_name: 'meta.set_name' });
    if (!item) continue;
    if (t.answer === undefined) continue; // an unanswered input task: the meme alone
    if (t.answer !== 'accept') {
      skipped++;
      continue;
    }
    const sid = typeof t._annotator_id === 'string' ? t._annotator_id : t._session_id;
    const annotator =
      typeof ext.annotator === 'string'
        ? ext.annotator
        : typeof sid === 'string'
          ? sessions.get(sid)
          : undefined;
    if (annotator === undefined) {
      c.error(line, 'field "_annotator_id": missing (who answered)');
      continue;
    }
    if (!isLabelList(t.accept)) {
      c.error(line, 'field "accept": expected the list of chosen option ids');
      continue;
    }
    const ans = { hate: [] as string[], pc: [] as string[], attack: [] as string[] };
    const unknown = t.accept.find((id) => optionLabel(id) === null);
    if (unknown !== undefined) {
      c.error(line, `field "accept": option "${unknown}" is not hate, "pc:<label>" or "attack:<label>"`);
      continue;
    }
    for (const id of t.accept) {
      const o = optionLabel(id)!;
      ans[o.q].push(o.label);
    }
    if (ans.hate.length !== 1) {
      c.error(
        line,
        `field "accept": ${ans.hate.length ? 'more than one' : 'no'} hate answer ("hateful" or "not_hateful")`,
      );
      continue;
    }
    const time = isoTime(ext.at) ?? isoTime(t._timestamp);
    if (time === null) {
      c.error(line, 'field "_timestamp": expected Unix seconds');
      continue;
    }
    const hate = ans.hate[0] as typeof HATEFUL | typeof NOT_HATEFUL;
    const note = typeof ext.note === 'string' ? ext.note : '';
    const pc = withoutEmptyMarkers(ans.pc);
    const attack = withoutEmptyMarkers(ans.attack);
    if (ext.decision === true) {
      c.decision(
        item.id,
        {
          lead: annotator,
          hate,
          pc,
          attack,
          at: time,
          note,
          ...(ext.own_vote === true ? { own_vote: true as const } : {}),
        },
        line,
      );
      continue;
    }
    const ms = ext.ms ?? 0;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      c.error(line, 'field "memejury.ms": expected milliseconds');
      continue;
    }
    const vote: IxVote = { annotator, hate, pc, attack, at: time, ms, note, flag: ext.flag === true };
    if (typeof ext.gv === 'string') vote.gv = ext.gv;
    if (!isAnnotatorId(annotator)) {
      c.error(line, `field "_annotator_id": "${annotator}" does not make an annotator id`);
      continue;
    }
    c.vote(item.id, vote, line, '_annotator_id');
  }
  if (skipped)
    c.warnings.push(`${file}: ${skipped} rejected or ignored answers carry no labels: not imported`);
  return c.result();
}
