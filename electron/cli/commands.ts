// The CLI commands (DESIGN.md, "CLI"). Output for machines with --json, for people otherwise.
// What only some commands need (the server, the benchmark, the other tools' formats, the scorer,
// validation, audit) is imported when such a command runs: every command starts without
// compiling and loading the rest (about 20 ms).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { flattenAgreement } from '../../shared/agreement';
import { EXPORT_FORMATS } from '../../shared/export';
import { GOLD_POLICIES } from '../../shared/gold';
import { formatLineError } from '../../shared/jsonl';
import { forgetAnnotator, forgetItem, forgottenGuard } from '../services/forget';
import type { Project } from '../services/project';
import { FORMAT_TITLE } from '../../shared/interchange/model';
import { initProject } from '../services/project';
import { plural } from '../../shared/text';
import { UsageError, intOpt, oneOf, optStr, out, positional, str, type Values } from './args';
import { guidelinesCommand } from './guidelinesCommand';
import { asLead, openForCli } from './open';
import { isAnnotatorId } from '../../shared/ids';
import { formatStats } from './format';

/** Who the CLI records as the lead: the login name when it is a valid id, else "cli". */
function cliUser(): string {
  const u = process.env.USER ?? '';
  return isAnnotatorId(u) ? u : 'cli';
}

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

export interface Command {
  usage: string;
  options: Options;
  run(values: Values, positionals: string[]): Promise<number>;
}

const project = { project: { type: 'string' } } as const;
const json = { json: { type: 'boolean' } } as const;

function list(v: unknown): string[] | undefined {
  return Array.isArray(v)
    ? (v as string[])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

export const COMMANDS: Record<string, Command> = {
  init: {
    usage: '<dir> [--name <name>] [--policy fghm|strict] [--annotators <1-3>]   make a folder a project',
    options: { name: { type: 'string' }, policy: { type: 'string' }, annotators: { type: 'string' } },
    async run(v, pos) {
      const dir = positional(pos, 0, 'project folder');
      // An existing project keeps its settings: say so rather than ignore what was asked.
      const existing = existsSync(join(dir, '.memejury', 'project.json'));
      const config = await initProject(dir, {
        name: optStr(v, 'name'),
        goldPolicy: oneOf(v, 'policy', GOLD_POLICIES, 'fghm'),
        targetAnnotators: intOpt(v, 'annotators', 3),
      });
      if (existing && (v.name !== undefined || v.policy !== undefined || v.annotators !== undefined))
        process.stderr.write(
          `warning: ${dir} is already a project: its name, policy and annotators per item are kept as they are\n`,
        );
      out(
        `project "${config.name}" ${existing ? 'already' : ''} ready in ${dir} (policy ${config.goldPolicy}, ${config.targetAnnotators} annotators per item)`.replace(
          '  ',
          ' ',
        ),
      );
      return 0;
    },
  },

  import: {
    usage:
      '<file|folder>... --project <dir> [--lead] [--json]   FGHM, Label Studio JSON, Prodigy JSONL, Meme Jury CSV or a Hugging Face export folder (recognised by content); --lead records the lead decisions they hold',
    options: { ...project, json: { type: 'boolean' }, lead: { type: 'boolean' } },
    async run(v, pos) {
      if (pos.length === 0) throw new UsageError('missing file to import');
      const { importAny } = await import('../services/interchange');
      const each = async (p: Project): Promise<void> => {
        for (const file of pos) {
          const r = await importAny(p, file, forgottenGuard(p));
          for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
          if (v.json) out(JSON.stringify(r));
          else
            out(
              `${file} (${FORMAT_TITLE[r.format]}): ${plural(r.records, 'record')}, ${plural(r.itemsAdded, 'new item')}${r.itemList ? ` (item list ${r.itemList})` : ''}, ` +
                `${r.itemsExisting} already present, ${plural(r.annotationsAdded, 'annotator label')} added` +
                (r.decisionsAdded ? `, ${plural(r.decisionsAdded, 'lead decision')} recorded` : ''),
            );
        }
      };
      // Lead decisions go to adjudications.jsonl, which only the lead writes (under its lock).
      if (v.lead === true) return asLead(str(v, 'project'), each).then(() => 0);
      const p = await openForCli(str(v, 'project'));
      try {
        await each(p);
      } finally {
        await p.close();
      }
      return 0;
    },
  },

  export: {
    usage:
      '--project <dir> --out <file|folder> [--format fghm|full|labelstudio|prodigy|csv|hf] [--policy fghm|strict] [--split <set_name>] [--include-incomplete] [--include-unresolved] [--exclude-no-consent] [--exclude-licence <l>] [--exclude-region <r>] [--json]   hf writes a folder',
    options: {
      ...project,
      ...json,
      out: { type: 'string' },
      format: { type: 'string' },
      policy: { type: 'string' },
      split: { type: 'string', multiple: true },
      'include-incomplete': { type: 'boolean' },
      // Kept for scripts: leaving incomplete items out is now the default.
      'complete-only': { type: 'boolean' },
      'include-unresolved': { type: 'boolean' },
      'exclude-no-consent': { type: 'boolean' },
      'exclude-licence': { type: 'string', multiple: true },
      'exclude-region': { type: 'string', multiple: true },
    },
    async run(v) {
      const { exportAny } = await import('../services/interchange');
      const p = await openForCli(str(v, 'project'));
      const outFile = str(v, 'out');
      const splits = (v.split as unknown as string[] | undefined)?.flatMap((s) => s.split(','));
      const summary = await exportAny(p, outFile, {
        format: oneOf(v, 'format', EXPORT_FORMATS, 'fghm'),
        policy: oneOf(v, 'policy', GOLD_POLICIES, p.policy()),
        splits,
        includeIncomplete: v['include-incomplete'] === true,
        includeUnresolved: v['include-unresolved'] === true,
        rights: {
          excludeNoConsent: v['exclude-no-consent'] === true,
          excludeLicences: list(v['exclude-licence']),
          excludeRegions: list(v['exclude-region']),
        },
      });
      const c = summary.counts;
      if (v.json) out(JSON.stringify(summary));
      else
        out(
          `${summary.out}: ${c.exported} of ${plural(c.items, 'item')} (${c.hateful} hateful, ${c.notHateful} not hateful); ` +
            `left out: ${c.skipped.unresolved} unresolved, ${c.skipped.incomplete} incomplete, ${plural(c.skipped.split, 'other split')}, ` +
            `${c.skipped.rights} by data-rights filters; manifest ${summary.manifest}`,
        );
      const unreadable = p.problems().length;
      if (unreadable > 0)
        process.stderr.write(
          `warning: ${plural(unreadable, 'line')} of the project could not be read (listed above, and in the manifest under "unreadable"): what they hold is not in this export\n`,
        );
      return 0;
    },
  },

  forget: {
    usage:
      '--project <dir> (--item <id> | --annotator <id>) --reason <text> [--requested-by <who>] [--force] [--json]',
    options: {
      ...project,
      ...json,
      item: { type: 'string' },
      annotator: { type: 'string' },
      reason: { type: 'string' },
      'requested-by': { type: 'string' },
      // An id the project does not have: its tombstone refuses that id for good.
      force: { type: 'boolean' },
    },
    async run(v) {
      const item = optStr(v, 'item');
      const annotator = optStr(v, 'annotator');
      if (!!item === !!annotator) throw new UsageError('give exactly one of --item <id> or --annotator <id>');
      const req = {
        reason: str(v, 'reason'),
        requestedBy: optStr(v, 'requested-by') ?? 'not recorded',
        by: process.env.USER ?? 'cli',
        force: v.force === true,
      };
      const r = await asLead(str(v, 'project'), (p) =>
        item !== undefined
          ? forgetItem(p, /^\d+$/.test(item) ? Number(item) : item, req)
          : forgetAnnotator(p, annotator as string, req),
      );
      if (v.json) out(JSON.stringify(r));
      else {
        if (r.alreadyForgotten)
          out(
            `already forgotten on ${r.tombstone.at.slice(0, 10)} (tombstone ${r.tombstone.hash.slice(0, 12)}…): finished what was left`,
          );
        else out(`forgotten: tombstone ${r.tombstone.hash.slice(0, 12)}… written to governance.jsonl`);
        out(`rewritten: ${r.rewritten.join(', ') || 'none'}; deleted: ${r.deleted.join(', ') || 'none'}`);
        if (r.deferred.length)
          out(
            `left to their running apps (they purge on seeing the tombstone): ${r.deferred.join(', ')}; run "memejury audit" to confirm`,
          );
      }
      return 0;
    },
  },

  audit: {
    usage: '--project <dir> [--json]   non-zero if anything forgotten is still present',
    options: { ...project, ...json },
    async run(v) {
      const { auditProject } = await import('../services/audit');
      const r = await auditProject(str(v, 'project'));
      if (v.json) out(JSON.stringify(r));
      else {
        for (const f of r.findings) out(`${f.file}${f.line ? `:${f.line}` : ''}: ${f.what}`);
        for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
        out(
          `${plural(r.tombstones, 'tombstone')}; ${plural(r.filesScanned, 'file')} and ${plural(r.imagesHashed, 'image')} checked; ${plural(r.findings.length, 'finding')}`,
        );
      }
      if (r.findings.length > 0) {
        process.stderr.write(
          `memejury audit: ${plural(r.findings.length, 'trace')} of forgotten data remain\n`,
        );
        return 1;
      }
      return 0;
    },
  },

  guidelines: guidelinesCommand,

  predictions: {
    usage:
      "--project <dir> --file <jsonl>   attach a model's predictions (FGHM submission format) as suggestions",
    options: { ...project, file: { type: 'string' } },
    async run(v) {
      const file = str(v, 'file');
      const { attachPredictions } = await import('../services/predictions');
      const r = await asLead(str(v, 'project'), (p) => attachPredictions(p, file));
      out(`${file}: ${plural(r.rows, 'prediction')} attached, ${r.matched} for memes of the project`);
      return 0;
    },
  },

  known: {
    usage: '--project <dir> --file <jsonl>   known-answer memes (FGHM records; their gold is the answer)',
    options: { ...project, file: { type: 'string' } },
    async run(v) {
      const file = str(v, 'file');
      const { importKnownFile } = await import('../services/known');
      const n = await asLead(str(v, 'project'), (p) => importKnownFile(p, file, cliUser()));
      out(`${file}: ${n} known-answer memes recorded in known.jsonl`);
      return 0;
    },
  },

  provenance: {
    usage: '--project <dir> --file <csv|jsonl>   source, licence, consent, region, notes per item id',
    options: { ...project, file: { type: 'string' } },
    async run(v) {
      const file = str(v, 'file');
      const { importProvenance } = await import('../services/provenance');
      const r = await asLead(str(v, 'project'), (p) => importProvenance(p, file, process.env.USER ?? 'cli'));
      out(
        `${file}: ${plural(r.items, 'row')}, ${plural(r.events, 'provenance change')} recorded in governance.jsonl`,
      );
      return 0;
    },
  },

  stats: {
    usage: '--project <dir> [--json] [--policy fghm|strict]   agreement statistics',
    options: { ...project, ...json, policy: { type: 'string' } },
    async run(v) {
      const p = await openForCli(str(v, 'project'));
      const report = p.agreement(oneOf(v, 'policy', GOLD_POLICIES, p.policy()));
      out(v.json ? JSON.stringify(flattenAgreement(report)) : formatStats(report));
      return 0;
    },
  },

  score: {
    usage: '--gold <file> --pred <file> [--json]   score FGHM predictions against gold',
    options: { gold: { type: 'string' }, pred: { type: 'string' }, ...json },
    async run(v) {
      const goldFile = str(v, 'gold');
      const predFile = str(v, 'pred');
      // JSON Lines or a JSON array, as `memejury validate` reads them (the same verdict).
      const { readRecords } = await import('../services/validate');
      const { checkGoldRow, checkPrediction, score, SCORE_TASKS } = await import('../../shared/scorer');
      const gold = await readRecords(goldFile, checkGoldRow);
      const preds = await readRecords(predFile, checkPrediction);
      const first = gold.errors[0] ?? preds.errors[0];
      if (first) throw new Error(formatLineError(first));
      const report = score(
        gold.records.map((r) => r.value),
        preds.records.map((r) => r.value),
        preds.records.map((r) => r.line),
        predFile,
      );
      if (report.items === 0) throw new Error(`no prediction in ${predFile} has an id found in ${goldFile}`);
      if (v.json) {
        const o: Record<string, unknown> = {};
        for (const t of SCORE_TASKS)
          o[t] = { f1_micro: report[t].f1_micro, roc_auc_micro: report[t].roc_auc_micro };
        out(JSON.stringify(o));
      } else {
        for (const t of SCORE_TASKS) out(`${t} f1:${report[t].f1_micro} roc_auc:${report[t].roc_auc_micro}`);
        out(`(${plural(report.items, 'prediction')} joined to gold, ${report.unmatched} without gold)`);
        if (report.duplicateIds.length)
          out(
            `note: ${plural(report.duplicateIds.length, 'id')} ${report.duplicateIds.length === 1 ? 'has' : 'have'} more than one prediction; each is scored, as the official scorer does`,
          );
      }
      return 0;
    },
  },

  validate: {
    usage:
      '<file> [--type annotations|adjudications|governance|items|predictions|gold|csv]   check a JSONL, JSON or Meme Jury CSV file',
    options: { type: { type: 'string' } },
    async run(v, pos) {
      const file = positional(pos, 0, 'file to validate');
      const type = optStr(v, 'type');
      const { FILE_TYPE_TITLE, validateFile } = await import('../services/validate');
      const r = await validateFile(file, type);
      for (const e of r.errors) out(formatLineError(e));
      if (r.errors.length > 0) {
        process.stderr.write(
          `memejury validate: ${file}: ${plural(r.errors.length, 'bad line')} of ${r.lines} (${FILE_TYPE_TITLE[r.type]})\n`,
        );
        return 1;
      }
      out(`${file}: ${plural(r.records, 'record')} of ${FILE_TYPE_TITLE[r.type]}, all valid`);
      return 0;
    },
  },

  serve: {
    usage:
      '(--project <dir> | --demo) [--port <n>] [--annotator <id> [--lead]] [--open] [--exports <dir>] [--imports <dir>]   browser mode on 127.0.0.1',
    options: {
      ...project,
      demo: { type: 'boolean' },
      port: { type: 'string' },
      annotator: { type: 'string' },
      lead: { type: 'boolean' },
      open: { type: 'boolean' },
      exports: { type: 'string' },
      imports: { type: 'string' },
    },
    async run(v) {
      if (!!v.demo === !!v.project) throw new UsageError('give exactly one of --project <dir> or --demo');
      const { runServe } = await import('./serve');
      await runServe({
        project: optStr(v, 'project'),
        // 0: any free port.
        port: intOpt(v, 'port', 0, 0, 65535),
        annotator: optStr(v, 'annotator'),
        lead: v.lead === true,
        open: v.open === true,
        exports: optStr(v, 'exports'),
        imports: optStr(v, 'imports'),
      });
      return 0;
    },
  },

  bench: {
    usage:
      '[--items <n>] [--runs <n>] [--json] [--no-nltk] [--no-browser]   benchmark at scale (default 100000 items × 3)',
    options: {
      items: { type: 'string' },
      runs: { type: 'string' },
      ...json,
      'no-nltk': { type: 'boolean' },
      'no-browser': { type: 'boolean' },
    },
    async run(v) {
      const { runBench } = await import('./bench');
      await runBench({
        items: intOpt(v, 'items', 100_000),
        runs: intOpt(v, 'runs', 5),
        json: v.json === true,
        nltk: v['no-nltk'] !== true,
        browser: v['no-browser'] !== true,
      });
      return 0;
    },
  },
};
