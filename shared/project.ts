// project.json: the shared settings of a project folder. Written by the lead (init, import,
// policy changes), read by every annotator's app.
import * as z from 'zod';
import { GOLD_POLICIES } from './gold';
import { annotatorIdSchema } from './ids';
import { TAXONOMY_VERSION } from './taxonomy';

const MAX_ANNOTATORS_PER_ITEM = 3;

/** What a person may do in a project: label (blind to others), or also lead. */
export const ROLES = ['annotator', 'lead'] as const;
export type Role = (typeof ROLES)[number];

export const rosterEntrySchema = z.object({
  id: annotatorIdSchema,
  name: z.string().max(200).optional(),
  /** "imported": an annotator slot of an imported release (labels only, nobody's profile). */
  role: z.enum([...ROLES, 'imported']).default('annotator'),
  /** When a lead recorded that this person left: their memes go to others (assignment). */
  left: z.string().optional(),
});

/** How annotators see a model's predictions, when predictions are attached (lead's choice). */
export const SUGGESTION_MODES = ['off', 'after', 'preselect'] as const;
export type SuggestionMode = (typeof SUGGESTION_MODES)[number];

/** The order every annotator's queue follows; each is computed alike on every machine. */
export const QUEUE_ORDERS = ['shared', 'uncertain', 'disputed'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

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
  queueOrder: z.enum(QUEUE_ORDERS).default('shared'),
  /**
   * Model suggestions (attached predictions): off, shown after the annotator's own first answer,
   * or pre-selected. Whatever was shown is recorded on the annotation line.
   */
  suggestions: z.enum(SUGGESTION_MODES).default('off'),
  /** Share of each annotator's queue made of hidden known-answer items (0 = none). */
  knownRate: z.number().min(0).max(0.5).default(0),
  /** Known-answer items a new annotator labels first, with feedback (0 = no qualification). */
  qualification: z.number().int().min(0).max(100).default(0),
});

export type ProjectConfig = z.infer<typeof projectConfigSchema>;
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** The leads of a project (roster entries with the lead role). */
export function leadsOf(config: ProjectConfig): string[] {
  return config.roster.filter((r) => r.role === 'lead').map((r) => r.id);
}

/** A person's role: lead if the roster says so, annotator otherwise (blind to colleagues). */
export function roleOf(config: ProjectConfig, annotator: string): Role {
  return leadsOf(config).includes(annotator) ? 'lead' : 'annotator';
}

export function zodMessage(err: z.ZodError): string {
  const issue = err.issues[0];
  const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'value';
  return `${field}: ${issue.message}`;
}
