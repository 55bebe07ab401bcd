// Label Studio JSON (labelstud.io/guide/task_format): one task per meme, one annotation per
// annotator with `choices` results for hate, categories and attacks, the lead's decision as a
// ground-truth annotation, the attached prediction in `predictions` with scores.
//
// What Label Studio has a field for goes in that field (completed_by, lead_time, created_at,
// ground_truth, a `textarea` result for the note); what it has none for travels in a `memejury`
// object on the annotation (our annotator id, flag, guidelines version, "this is the lead's
// decision") and on the prediction (the full score dictionaries), which Label Studio ignores.
// Reading accepts our exports and Label Studio's own for this taxonomy (labeling config below).
import { ATTACK_LABELS, HATEFUL, HATE_LABELS, PC_LABELS } from '../taxonomy';
import type { PredictionRow } from '../scorer';
import { parseJsonArray } from './jsonArray';
import {
  hateOf,
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

/** Images are served by Label Studio's local storage: LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT = the project folder. */
export const LS_LOCAL_FILES = '/data/local-files/?d=';

/** The labeling config our tasks fit (Settings → Labeling Interface → Code). */
export const LABEL_STUDIO_CONFIG = `<View>
  <Image name="image" value="$image" zoom="true"/>
  <Text name="text" value="$text"/>
  <Choices name="hate" toName="image" choice="single" showInLine="true" required="true">
${HATE_LABELS.map((l) => `    <Choice value="${l}"/>`).join('\n')}
  </Choices>
  <View visibleWhen="choice-selected" whenTagName="hate" whenChoiceValue="hateful">
    <Choices name="pc" toName="image" choice="multiple" showInLine="true">
${PC_LABELS.map((l) => `      <Choice value="${l}"/>`).join('\n')}
    </Choices>
    <Choices name="attack" toName="image" choice="multiple" showInLine="true">
${ATTACK_LABELS.map((l) => `      <Choice value="${l}"/>`).join('\n')}
    </Choices>
  </View>
  <TextArea name="note" toName="image" rows="2" maxSubmissions="1"/>
</View>`;

/** from_name values read as each question (ours first; common spellings of a hand-made config). */
const FROM_NAMES: Record<'hate' | 'pc' | 'attack' | 'note', readonly string[]> = {
  hate: ['hate', 'hateful', 'label', 'gold_hate'],
  pc: ['pc', 'protected_category', 'protected_categories', 'categories', 'category'],
  attack: ['attack', 'attack_type', 'attack_types', 'attacks'],
  note: ['note', 'notes', 'comment'],
};

function questionOf(fromName: string): keyof typeof FROM_NAMES | null {
  const n = fromName.toLowerCase();
  for (const q of ['hate', 'pc', 'attack', 'note'] as const) if (FROM_NAMES[q].includes(n)) return q;
  return null;
}

/** `/data/local-files/?d=img/a%20b.png` for `img/a b.png`: "/" stays readable. */
export function localFilesUrl(img: string): string {
  return LS_LOCAL_FILES + encodeURIComponent(img).replace(/%2F/g, '/');
}

/** The project path a task's image URL names, when it is a local-files URL. */
function imgFromUrl(url: string): string | null {
  const at = url.indexOf(LS_LOCAL_FILES);
  if (at < 0) return null;
  try {
    return decodeURIComponent(url.slice(at + LS_LOCAL_FILES.length).split('&')[0]);
  } catch {
    return null;
  }
}

function choicesResult(id: string, from: string, choices: readonly string[], score?: number) {
  const r: Record<string, unknown> = {
    id,
    from_name: from,
    to_name: 'image',
    type: 'choices',
    origin: score === undefined ? 'manual' : 'prediction',
    value: { choices: [...choices] },
  };
  if (score !== undefined) r.score = score;
  return r;
}

function voteResults(
  prefix: string,
  v: { hate: string; pc: readonly string[]; attack: readonly string[] },
  note: string,
) {
  const out = [choicesResult(`${prefix}-hate`, 'hate', [v.hate])];
  if (v.hate === HATEFUL && v.pc.length) out.push(choicesResult(`${prefix}-pc`, 'pc', v.pc));
  if (v.hate === HATEFUL && v.attack.length) out.push(choicesResult(`${prefix}-attack`, 'attack', v.attack));
  if (note)
    out.push({
      id: `${prefix}-note`,
      from_name: 'note',
      to_name: 'image',
      type: 'textarea',
      value: { text: [note] },
    });
  return out;
}

/** The argmax of a score dictionary (first on ties), and the labels scored above 0.5. */
function predicted(p: PredictionRow) {
  const top = Object.entries(p.pred_hate).reduce<[string, number] | null>(
    (best, e) => (best === null || e[1] > best[1] ? e : best),
    null,
  );
  const over = (d: Record<string, number>) => Object.keys(d).filter((k) => d[k] > 0.5);
  const mean = (d: Record<string, number>, ks: string[]) =>
    ks.length ? ks.reduce((s, k) => s + d[k], 0) / ks.length : undefined;
  return { top, pc: over(p.pred_pc), attack: over(p.pred_attack), mean };
}

function predictionOf(taskId: number, p: PredictionRow) {
  const { top, pc, attack, mean } = predicted(p);
  const result = [];
  if (top) result.push(choicesResult(`p${taskId}-hate`, 'hate', [top[0]], top[1]));
  if (top?.[0] === HATEFUL && pc.length)
    result.push(choicesResult(`p${taskId}-pc`, 'pc', pc, mean(p.pred_pc, pc)));
  if (top?.[0] === HATEFUL && attack.length)
    result.push(choicesResult(`p${taskId}-attack`, 'attack', attack, mean(p.pred_attack, attack)));
  return {
    model_version: 'memejury-attached-predictions',
    score: top ? top[1] : 0,
    result,
    memejury: { pred_hate: p.pred_hate, pred_pc: p.pred_pc, pred_attack: p.pred_attack },
  };
}

/** One task of the export. `users` numbers the people (completed_by), 1-based. */
function task(rec: IxRecord, taskId: number, users: Map<string, number>, nextAnnotation: () => number) {
  const { item } = rec;
  const data: Record<string, unknown> = {
    image: localFilesUrl(item.img),
    text: item.text,
    id: item.id,
  };
  if (item.set_name !== undefined) data.set_name = item.set_name;
  data.img = item.img;
  data.gold_hate = rec.gold.hate;
  data.gold_pc = rec.gold.pc;
  data.gold_attack = rec.gold.attack;
  Object.assign(data, provenanceFields(item));
  const user = (id: string): number => {
    if (!users.has(id)) users.set(id, users.size + 1);
    return users.get(id)!;
  };
  const annotation = (v: IxVote | NonNullable<IxRecord['decision']>, who: string, decision: boolean) => {
    const id = nextAnnotation();
    const memejury: Record<string, unknown> = { annotator: who };
    if (decision) {
      memejury.decision = true;
      if ((v as { own_vote?: true }).own_vote) memejury.own_vote = true;
    } else {
      const vote = v as IxVote;
      memejury.flag = vote.flag;
      if (vote.gv !== undefined) memejury.gv = vote.gv;
    }
    return {
      id,
      completed_by: user(who),
      result: voteResults(`a${id}`, v, v.note),
      was_cancelled: false,
      ground_truth: decision,
      created_at: v.at,
      updated_at: v.at,
      lead_time: decision ? 0 : (v as IxVote).ms / 1000,
      task: taskId,
      memejury,
    };
  };
  const annotations = rec.votes.map((v) => annotation(v, v.annotator, false));
  if (rec.decision) annotations.push(annotation(rec.decision, rec.decision.lead, true));
  return {
    id: taskId,
    data,
    annotations,
    predictions: rec.prediction ? [predictionOf(taskId, rec.prediction)] : [],
  };
}

/** The export's text: a JSON array, one task per line (so a line number is a task). */
export function writeLabelStudio(doc: IxDocument): string {
  const users = new Map<string, number>();
  let annotationId = 0;
  const lines = doc.records.map((rec, i) => JSON.stringify(task(rec, i + 1, users, () => ++annotationId)));
  return lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n';
}

// ---- reading ---------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Our annotator id for Label Studio's completed_by: a user number, or a user object. */
function annotatorOf(completedBy: unknown): string | null {
  if (typeof completedBy === 'number' && Number.isInteger(completedBy)) return `ls-${completedBy}`;
  if (typeof completedBy === 'string' && completedBy.trim()) return sanitizeId(completedBy.split('@')[0]);
  if (isObject(completedBy)) {
    if (typeof completedBy.email === 'string' && completedBy.email.includes('@')) {
      const id = sanitizeId(completedBy.email.split('@')[0]);
      if (id) return id;
    }
    if (typeof completedBy.id === 'number') return `ls-${completedBy.id}`;
  }
  return null;
}

/** A name made an annotator id: letters, digits, "_" and "-" kept, the rest "_". */
export function sanitizeId(s: string): string | null {
  const id = s
    .trim()
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .replace(/^[_-]+/, '')
    .slice(0, 64);
  return id === '' ? null : id;
}

export function readLabelStudio(text: string, file: string): IxParsed {
  const c = new IxCollector('labelstudio', file);
  const { elements, error } = parseJsonArray(text, file);
  if (error) {
    c.errors.push(error);
    return c.result();
  }
  let cancelled = 0;
  for (let t = 0; t < elements.length; t++) {
    const { value, line } = elements[t];
    const at = `tasks[${t}]`;
    if (!isObject(value)) {
      c.error(line, `${at}: expected a task object`);
      continue;
    }
    if (!isObject(value.data)) {
      c.error(line, `field "data": expected the task's data object`);
      continue;
    }
    const d = value.data;
    const raw: Record<string, unknown> = { ...d };
    if (raw.img === undefined && typeof d.image === 'string') {
      const img = imgFromUrl(d.image);
      if (img === null) {
        c.error(
          line,
          'field "data.img": missing, and "data.image" is not a local-files URL (/data/local-files/?d=<path in the project>)',
        );
        continue;
      }
      raw.img = img;
    }
    if (typeof raw.gold_hate === 'string') raw.gold_hate = [raw.gold_hate];
    const item = c.item(raw, line, 'data.');
    if (!item) continue;
    const anns = value.annotations ?? value.completions ?? [];
    if (!Array.isArray(anns)) {
      c.error(line, 'field "annotations": expected a list');
      continue;
    }
    for (let k = 0; k < anns.length; k++) {
      const a = anns[k];
      const where = `annotations[${k}]`;
      if (!isObject(a)) {
        c.error(line, `field "${where}": expected an annotation object`);
        continue;
      }
      if (a.was_cancelled === true) {
        cancelled++;
        continue;
      }
      const ext = isObject(a.memejury) ? a.memejury : {};
      const annotator = typeof ext.annotator === 'string' ? ext.annotator : annotatorOf(a.completed_by);
      if (annotator === null) {
        c.error(line, `field "${where}.completed_by": expected a user id or a user with an email`);
        continue;
      }
      if (!Array.isArray(a.result)) {
        c.error(line, `field "${where}.result": expected a list of results`);
        continue;
      }
      const answer: { hate?: string[]; pc: string[]; attack: string[]; note: string } = {
        pc: [],
        attack: [],
        note: '',
      };
      let bad = false;
      for (let r = 0; r < a.result.length && !bad; r++) {
        const res = a.result[r];
        const rf = `${where}.result[${r}]`;
        if (!isObject(res) || typeof res.from_name !== 'string' || !isObject(res.value)) {
          c.error(line, `field "${rf}": expected a result with from_name and value`);
          bad = true;
          break;
        }
        const q = questionOf(res.from_name);
        if (q === null) {
          c.warnOnce(
            `from:${res.from_name}`,
            `results from "${res.from_name}" are not hate, pc, attack or note: ignored`,
          );
          continue;
        }
        if (q === 'note') {
          const tx = res.value.text;
          if (!isLabelList(tx)) {
            c.error(line, `field "${rf}.value.text": expected a list of strings`);
            bad = true;
          } else answer.note = tx.join('\n');
          continue;
        }
        const choices = res.value.choices;
        if (!isLabelList(choices)) {
          c.error(line, `field "${rf}.value.choices": expected a list of label strings`);
          bad = true;
          continue;
        }
        if (q === 'hate') answer.hate = choices;
        else answer[q] = withoutEmptyMarkers(choices);
      }
      if (bad) continue;
      const hate = hateOf(answer.hate ?? []);
      if (hate !== 'hateful' && hate !== 'not_hateful') {
        c.error(line, `field "${where}.result": ${hate} (from_name "hate")`);
        continue;
      }
      const time = isoTime(a.created_at) ?? isoTime(a.updated_at);
      if (time === null) {
        c.error(line, `field "${where}.created_at": expected an ISO time`);
        continue;
      }
      const lead = a.lead_time ?? 0;
      if (typeof lead !== 'number' || !Number.isFinite(lead) || lead < 0) {
        c.error(line, `field "${where}.lead_time": expected seconds (a non-negative number)`);
        continue;
      }
      if (ext.decision === true) {
        c.decision(
          item.id,
          {
            lead: annotator,
            hate,
            pc: answer.pc,
            attack: answer.attack,
            at: time,
            note: answer.note,
            ...(ext.own_vote === true ? { own_vote: true as const } : {}),
          },
          line,
        );
        continue;
      }
      if (a.ground_truth === true)
        c.warnOnce(
          'ground_truth',
          "ground-truth annotations are imported as their annotator's votes (a lead decides in Review)",
        );
      const vote: IxVote = {
        annotator,
        hate,
        pc: answer.pc,
        attack: answer.attack,
        at: time,
        ms: Math.round(lead * 1000),
        note: answer.note,
        flag: ext.flag === true,
      };
      if (typeof ext.gv === 'string') vote.gv = ext.gv;
      c.vote(item.id, vote, line, `${where}.completed_by`);
    }
    if (Array.isArray(value.predictions) && value.predictions.length)
      c.warnOnce(
        'predictions',
        'predictions are not imported (attach a model\'s predictions with "memejury predictions")',
      );
  }
  if (cancelled)
    c.warnings.push(`${file}: ${cancelled} skipped (cancelled) annotations carry no labels: not imported`);
  return c.result();
}
