// Per-user settings (not per project): annotator profiles, recent projects, preferences.
import * as z from 'zod';
import { annotatorIdSchema } from './ids';

export const preferencesSchema = z.object({
  /** Images stay blurred until revealed (wellbeing; on by default). */
  blurImages: z.boolean().default(true),
  greyscale: z.boolean().default(false),
  contentWarning: z.boolean().default(true),
  /** Minutes of labeling before a break reminder; 0 turns reminders off. */
  breakMinutes: z.number().int().min(0).max(240).default(20),
  /** Items per session before the app suggests stopping; 0 means no cap. */
  sessionCap: z.number().int().min(0).max(100000).default(0),
  /** Lead review shows annotator ids instead of "Annotator 1/2/3". */
  showAnnotatorNames: z.boolean().default(false),
});

export const annotatorProfileSchema = z.object({
  id: annotatorIdSchema,
  name: z.string().max(200).default(''),
  created: z.string(),
  /** This person's own preferences; absent until they change one (the defaults apply). */
  preferences: preferencesSchema.optional(),
});

const recentProjectSchema = z.object({
  dir: z.string(),
  name: z.string(),
  openedAt: z.string(),
});

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  annotators: z.array(annotatorProfileSchema).default([]),
  /**
   * The profile chosen last, which the next start opens with. Each running app keeps its own
   * current profile: two apps (or two people) on one machine never switch each other's.
   */
  currentAnnotator: z.string().nullable().default(null),
  recentProjects: z.array(recentProjectSchema).default([]),
  /** Preferences before any profile is chosen, and the starting point of a new profile's own. */
  preferences: preferencesSchema.default(preferencesSchema.parse({})),
});

export type Preferences = z.infer<typeof preferencesSchema>;
export type AnnotatorProfile = z.infer<typeof annotatorProfileSchema>;
export type RecentProject = z.infer<typeof recentProjectSchema>;
export type Settings = z.infer<typeof settingsSchema>;

export const MAX_RECENT = 10;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
