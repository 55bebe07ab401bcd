// The session's channels: what app this is, which project is open (opening, the demo, folder
// choice, FGHM import) and lead mode. Every open goes through Session.open, the one path.
import { cp } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ProjectSummary } from '../../../shared/api';
import { leadsOf } from '../../../shared/project';
import { currentAnnotator, currentRole, requireLead, requireProject, type Context } from '../context';
import { forgottenGuard } from '../forget';
import { checkNewProjectFolder } from '../confine';
import { readSource } from '../fileAccess';
import { exists } from '../fsx';
import { importAny } from '../interchange';
import type { DomainHandlers } from './types';

type ProjectChannels =
  | 'app:info'
  | 'project:current'
  | 'project:open'
  | 'project:openDemo'
  | 'project:chooseFolder'
  | 'project:import'
  | 'project:setRules';

const SHOWN = 50;

function summary(ctx: Context): ProjectSummary {
  const p = requireProject(ctx);
  return {
    dir: p.paths.dir,
    name: p.config.name,
    items: p.items.length,
    annotators: p.stableOrder(),
    voters: p.state.voterCount(),
    targetAnnotators: p.config.targetAnnotators,
    goldPolicy: p.config.goldPolicy,
    missingImages: p.missingImages.length,
    problems: p.problems().slice(0, SHOWN),
    warnings: p.warnings.slice(0, SHOWN),
    annotator: currentAnnotator(ctx),
    isDemo: resolve(p.paths.dir) === resolve(ctx.platform.demoTarget),
    lead: ctx.session.lead,
    rules: {
      queueOrder: p.config.queueOrder,
      suggestions: p.config.suggestions,
      knownRate: p.config.knownRate,
      qualification: p.config.qualification,
    },
    predictions: p.predictions.byItem.size,
    known: p.state.knownKeys().size,
    annotatorForgotten: (() => {
      const a = currentAnnotator(ctx);
      return a !== null && p.isForgottenAnnotator(a);
    })(),
    role: currentRole(ctx),
    leads: leadsOf(p.config),
    splits: [...new Set(p.items.map((i) => i.set_name ?? ''))].filter(Boolean).sort(),
  };
}

/** Opens (or reopens) a project for this app's annotator, recording it as recent. */
export async function openProject(
  ctx: Context,
  dir: string,
  opts: { create?: boolean; lead?: boolean } = {},
): Promise<ProjectSummary> {
  const p = await ctx.session.open({
    dir,
    annotator: currentAnnotator(ctx),
    lead: opts.lead ?? ctx.session.lead,
    create: opts.create,
  });
  ctx.invalidate();
  await ctx.settings.touchRecent(p.paths.dir, p.config.name);
  return summary(ctx);
}

export function projectHandlers(ctx: Context): DomainHandlers<ProjectChannels> {
  return {
    'app:info': async () => ({
      version: ctx.platform.version,
      mode: ctx.platform.mode,
      dialogs: !!ctx.platform.chooseFolder,
    }),
    'project:current': async () => (ctx.session.project ? summary(ctx) : null),
    'project:open': async ({ dir, create }) => {
      // Only a folder that already is a project, or looks like a meme folder, is opened with
      // create (confine.ts); any other folder is made a project with "memejury init".
      if (create && !(await exists(resolve(dir, '.memejury', 'project.json'))))
        await checkNewProjectFolder(dir);
      return openProject(ctx, dir, { create });
    },
    'project:openDemo': async () => {
      const { demoSource, demoTarget } = ctx.platform;
      if (!(await exists(demoTarget))) await cp(demoSource, demoTarget, { recursive: true });
      return openProject(ctx, demoTarget);
    },
    'project:setRules': async (rules) => {
      requireLead(ctx, 'change how queues and suggestions work');
      const p = requireProject(ctx);
      const next = { ...p.config };
      for (const [k, v] of Object.entries(rules))
        if (v !== undefined) (next as Record<string, unknown>)[k] = v;
      await p.saveConfig(next);
      ctx.invalidate();
      ctx.emit('project:changed', { reason: 'rules', annotators: [] });
      return summary(ctx);
    },
    'project:chooseFolder': async () => ({ dir: (await ctx.platform.chooseFolder?.()) ?? null }),
    'project:import': async ({ file }) => {
      const p = requireProject(ctx);
      // FGHM, Label Studio JSON, Prodigy JSONL or Meme Jury's CSV, recognised by content.
      const path = await readSource(ctx, file, 'Import labels', ['json', 'jsonl', 'csv']);
      if (!path) return null;
      const r = await importAny(p, path, forgottenGuard(p));
      ctx.invalidate();
      ctx.emit('project:changed', { reason: 'import', annotators: r.annotators });
      return {
        file: r.file,
        records: r.records,
        itemsAdded: r.itemsAdded,
        annotationsAdded: r.annotationsAdded,
        warnings: r.warnings.slice(0, SHOWN),
      };
    },
  };
}
