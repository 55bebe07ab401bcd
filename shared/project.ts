// project.json: the shared settings of a project folder. Written by the lead (init, import,
// policy changes), read by every annotator's app.
import { z } from 'zod';
import { GOLD_POLICIES } from './gold';
import { annotatorIdSchema } from './ids';
import { TAXONOMY_VERSION } from './taxonomy';

const MAX_ANNOTATORS_PER_ITEM = 3;

export const rosterEntrySchema = z.object({
  id: annotatorIdSchema,
  name: z.string().max(200).optional(),
  role: z.enum(['annotator', 'lead', 'imported']).default('annotator'),
});

export const projectConfigSchema = z.object({
  version: z.literal(1),
  name: z.string().min(1).max(200),
  taxonomy: z.string().default(TAXONOMY_VERSION),
  goldPolicy: z.enum(GOLD_POLICIES).default('fghm'),
  targetAnnotators: z.number().int().min(1).max(MAX_ANNOTATORS_PER_ITEM).default(3),
  roster: z.array(rosterEntrySchema).default([]),
  created: z.string(),
  /** Seed of the shared queue order, so every annotator sees items in the same order. */
  queueSeed: z.string().default('memejury'),
});

export type ProjectConfig = z.infer<typeof projectConfigSchema>;
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export function zodMessage(err: z.ZodError): string {
  const issue = err.issues[0];
  const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'value';
  return `${field}: ${issue.message}`;
}
