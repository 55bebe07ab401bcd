// Channels of the lead's workflows: review and adjudication, the agreement dashboard, export and
// scoring. Separate from backend.ts only to keep files small; same Backend, same contract.
import { readFile } from 'node:fs/promises';
import type { ReviewItem, ReviewVote } from '../../shared/api';
import { buildDashboard } from '../../shared/dashboard';
import type { ExportOptions } from '../../shared/export';
import { toFghm } from '../../shared/fghm';
import { computeGold } from '../../shared/gold';
import { formatLineError, parseJsonl } from '../../shared/jsonl';
import type { ItemId } from '../../shared/records';
import { reportCsv, reportHtml } from '../../shared/report';
import { explainGold, reviewQueue } from '../../shared/review';
import { checkPrediction, score } from '../../shared/scorer';
import type { Backend, Handlers } from './backend';
import { UserError } from './backend';
import { exportGold, previewExport } from './exporter';
import { writeFileAtomic } from './fsx';

type LeadChannels =
  | 'lead:set'
  | 'review:list'
  | 'review:item'
  | 'adjudication:save'
  | 'adjudication:undo'
  | 'stats:dashboard'
  | 'stats:exportReport'
  | 'export:preview'
  | 'export:run'
  | 'score:run';

export function leadHandlers(b: Backend): Pick<Handlers, LeadChannels> {
  const reviewItem = (id: ItemId): ReviewItem => {
    const p = b.requireProject();
    const item = p.item(id);
    if (!item) throw new UserError(`no item ${id} in this project`);
    const order = p.stableOrder();
    const lines = p.state
      .lines(item.id)
      .sort((x, y) => order.indexOf(x.annotator) - order.indexOf(y.annotator));
    const votes: ReviewVote[] = lines.map((l) => ({
      annotator: l.annotator,
      hate: l.hate,
      pc: [...l.pc],
      attack: [...l.attack],
      note: l.note,
      flag: l.flag,
      ms: l.ms,
      at: l.at,
    }));
    const policy = p.policy();
    const gold = p.gold(item, policy);
    const policyGold = computeGold(p.state.votes(item.id), policy, item.ref_hate);
    const adj = p.state.adjudication(item.id);
    return {
      item: b.itemView(item.id),
      votes,
      gold,
      policyGold,
      explanation: explainGold(policyGold, p.state.votes(item.id), policy),
      decision: adj
        ? {
            lead: adj.lead,
            hate: adj.hate,
            pc: [...adj.pc],
            attack: [...adj.attack],
            note: adj.note,
            at: adj.at,
          }
        : null,
    };
  };

  const requireLead = (): void => {
    if (!b.lead) throw new UserError('turn on lead mode to review and decide');
  };

  const exportOpts = (o: {
    format: 'fghm' | 'full';
    policy?: 'fghm' | 'strict';
    splits?: string[];
    completeOnly?: boolean;
    includeUnresolved?: boolean;
  }): ExportOptions => ({ ...o, policy: o.policy ?? b.requireProject().policy() });

  return {
    'lead:set': async ({ on }) => {
      const p = b.requireProject();
      return b.openProject(p.paths.dir, false, on);
    },
    'review:list': async ({ filter }) => {
      const p = b.requireProject();
      const golds = p.golds();
      const rows = reviewQueue(p.items, p.state, golds, filter).map((e) => ({
        id: p.items[e.index].id,
        reasons: e.reasons,
        disagreement: e.disagreement,
        votes: e.votes,
        decided: e.decided,
      }));
      let labeled = 0;
      for (const it of p.items) if (p.state.votes(it.id).length > 0) labeled++;
      const needing = reviewQueue(p.items, p.state, golds, { anyDisagreement: false }).length;
      return { rows, labeled, autoAccepted: labeled - needing - p.state.adjudicationCount() };
    },
    'review:item': async ({ id }) => reviewItem(id),
    'adjudication:save': async ({ item, hate, pc, attack, note }) => {
      requireLead();
      const p = b.requireProject();
      const it = p.item(item);
      if (!it) throw new UserError(`no item ${item} in this project`);
      const lead = b.annotator() ?? 'lead';
      const hateful = hate === 'hateful';
      await p.appendAdjudication({
        v: 1,
        item: it.id,
        lead,
        hate,
        pc: hateful ? [...new Set(pc)] : [],
        attack: hateful ? [...new Set(attack)] : [],
        at: new Date().toISOString(),
        note,
      });
      b.emit('project:changed', { reason: 'adjudication', annotators: [] });
      return reviewItem(it.id);
    },
    'adjudication:undo': async ({ item }) => {
      requireLead();
      const p = b.requireProject();
      const it = p.item(item);
      if (!it) throw new UserError(`no item ${item} in this project`);
      if (p.state.adjudication(it.id))
        await p.appendAdjudication({
          v: 1,
          item: it.id,
          lead: b.annotator() ?? 'lead',
          hate: 'not_hateful',
          pc: [],
          attack: [],
          at: new Date().toISOString(),
          note: '',
          undo: true,
        });
      return reviewItem(it.id);
    },
    'stats:dashboard': async ({ policy }) => {
      const p = b.requireProject();
      const pol = policy ?? p.policy();
      return buildDashboard(p.state, p.items, p.golds(pol), pol, p.fullOverlap());
    },
    'stats:exportReport': async ({ format, out }) => {
      const p = b.requireProject();
      const target =
        out ?? (await b.platform.chooseSaveFile?.('Save agreement report', `agreement-report.${format}`));
      if (!target) return null;
      const d = buildDashboard(p.state, p.items, p.golds(), p.policy(), p.fullOverlap());
      const body =
        format === 'json'
          ? JSON.stringify(
              { project: p.config.name, policy: d.policy, figures: d.flat, report: d.report },
              null,
              2,
            ) + '\n'
          : format === 'csv'
            ? reportCsv(d)
            : reportHtml(d, p.config.name, new Date().toISOString());
      await writeFileAtomic(target, body);
      return { out: target };
    },
    'export:preview': async ({ options }) => previewExport(b.requireProject(), exportOpts(options)),
    'export:run': async ({ options, out }) => {
      const p = b.requireProject();
      const target = out ?? (await b.platform.chooseSaveFile?.('Export gold', `${p.config.name}-gold.jsonl`));
      if (!target) return null;
      const summary = await exportGold(p, target, exportOpts(options), (done, total) =>
        b.emit('task:progress', { task: 'export', done, total }),
      );
      return { out: summary.out, bytes: summary.bytes, counts: summary.counts, manifest: summary.manifest };
    },
    'score:run': async ({ pred }) => {
      const p = b.requireProject();
      const file =
        pred ??
        (await b.platform.chooseFile?.('Open predictions (FGHM submission format)', ['json', 'jsonl']));
      if (!file) return null;
      const parsed = parseJsonl(await readFile(file, 'utf8'), file, checkPrediction);
      if (parsed.errors.length > 0) throw new UserError(formatLineError(parsed.errors[0]));
      const golds = p.golds();
      const gold = [];
      for (let i = 0; i < p.items.length; i++) {
        const g = golds[i];
        if (!g.resolved) continue;
        gold.push(toFghm(p.items[i], p.state.votes(p.items[i].id), g));
      }
      const report = score(
        gold,
        parsed.records.map((r) => r.value),
        parsed.records.map((r) => r.line),
        file,
      );
      if (report.items === 0) throw new UserError(`no prediction in ${file} matches an item with gold`);
      return report;
    },
  };
}
