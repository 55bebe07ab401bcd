// The one contract between the renderer and the backend. Channel names are `domain:verb`; each
// has a zod schema for its argument (checked at runtime by Electron main and by the browser-mode
// server before any service runs) and a result type. Preload and the browser client build
// the renderer's api object (`api.<domain>.<verb>(args)`) from CHANNELS.
import * as z from 'zod';
import type {
  AppInfo,
  ProjectSummary,
  ItemView,
  QueueList,
  Progress,
  SaveResult,
  UndoResult,
  ImportSummary,
  ReviewList,
  ReviewItem,
  ExportRun,
  RightsSummary,
  RightsItem,
  ForgetSummary,
  AuditSummary,
  AttachedScore,
  KnownStats,
  RosterView,
  SearchResult,
  SaveTarget,
} from './apiTypes';

export type {
  AppInfo,
  ProjectSummary,
  MyLabel,
  ItemView,
  QueueList,
  Progress,
  SaveResult,
  UndoResult,
  ImportSummary,
  ReviewRow,
  ReviewList,
  ReviewVote,
  ReviewItem,
  ExportRun,
  TombstoneView,
  RightsSummary,
  RightsItem,
  ForgetSummary,
  AuditSummary,
  AttachedScore,
  KnownFeedback,
  KnownStats,
  ProjectRules,
  RosterView,
  SearchResult,
  SaveTarget,
} from './apiTypes';
import { buildApiObject, CHANNEL_NAMES, EVENT_NAMES as EVENT_LIST, type ChannelName } from './channels';
import type { AnnotatorFigures } from './agreement';
import type { Dashboard } from './dashboard';
import { EXPORT_FORMATS, type ExportCounts } from './export';
import { GOLD_POLICIES } from './gold';
import {
  GUIDELINE_VERSION_RULE,
  isGuidelineVersion,
  MAX_GUIDELINES_CHARS,
  type GuidelinesView,
  type GuidelineVersions,
} from './guidelines';
import { annotatorIdSchema } from './ids';
import { QUEUE_ORDERS, ROLES, SUGGESTION_MODES } from './project';
import { SKIP_REASONS } from './records';
import { HATE_LABELS } from './taxonomy';
import { provenanceSchema } from './governance';
import { REPORT_FORMATS } from './report';
import type { ScoreReport } from './scorer';
import { QUEUE_FILTERS } from './queue';
import type { Settings } from './settings';
import { preferencesSchema } from './settings';

const itemId = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z.string().min(1).max(200),
]);
const annotatorId = annotatorIdSchema;
const label = z.string().min(1).max(64);
const labelList = z.array(label).max(32);
const path = z.string().min(1).max(4096);
const none = z.undefined();

/**
 * Where a write goes (never a path from the page): a handle from a native save dialog in
 * Electron (`export:chooseTarget`, `stats:chooseReportTarget`), or a file name that the backend
 * sanitises and writes under the project's exports/ folder (electron/services/confine.ts).
 */
const saveTo = z.union([
  z.object({ handle: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'an opaque save handle') }).strict(),
  z.object({ name: z.string().min(1).max(120) }).strict(),
]);
/**
 * A file to read: in browser mode a path relative to the project folder (or the --imports
 * folder); in Electron always omitted, and a native dialog in main picks it.
 */
const readFrom = z.string().min(1).max(1024);

const exportOptions = z
  .object({
    format: z.enum(EXPORT_FORMATS).default('fghm'),
    policy: z.enum(GOLD_POLICIES).optional(),
    splits: z.array(z.string().max(200)).max(100).optional(),
    includeIncomplete: z.boolean().optional(),
    includeUnresolved: z.boolean().optional(),
    rights: z
      .object({
        excludeNoConsent: z.boolean().optional(),
        excludeLicences: z.array(z.string().max(200)).max(100).optional(),
        excludeRegions: z.array(z.string().max(100)).max(300).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const forgetArgs = z
  .object({ reason: z.string().min(1).max(2000), requestedBy: z.string().max(500).default('not recorded') })
  .strict();

const reviewFilter = z
  .object({
    anyDisagreement: z.boolean().optional(),
    task: z.enum(['hate', 'pc', 'attack']).optional(),
    label: label.optional(),
    annotator: annotatorId.optional(),
    decided: z.boolean().optional(),
    incomplete: z.boolean().optional(),
    olderGuidelines: z.boolean().optional(),
  })
  .strict();

const saveArgs = z
  .object({
    item: itemId,
    hate: z.enum(HATE_LABELS).nullable(),
    pc: labelList,
    attack: labelList,
    ms: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600 * 1000),
    note: z.string().max(5000).default(''),
    flag: z.boolean().default(false),
    skip: z.enum(SKIP_REASONS).optional(),
    /** The model's suggestion was on screen when the annotator answered (it is recorded). */
    suggestionShown: z.boolean().optional(),
  })
  .strict();

/** `channel<Result>()(argsSchema)`: the result type is declared, the argument type inferred. */
function channel<R>() {
  return <S extends z.ZodType>(args: S): { args: S; result: R } => ({
    args,
    result: undefined as unknown as R,
  });
}

const CONTRACT = {
  'app:info': channel<AppInfo>()(none),
  'settings:get': channel<Settings>()(none),
  'settings:setPreferences': channel<Settings>()(preferencesSchema.partial().strict()),
  'annotator:create': channel<Settings>()(
    z.object({ id: annotatorId, name: z.string().max(200).optional() }).strict(),
  ),
  'annotator:select': channel<Settings>()(z.object({ id: annotatorId }).strict()),
  'annotator:figures': channel<AnnotatorFigures | null>()(none),
  'project:current': channel<ProjectSummary | null>()(none),
  'project:open': channel<ProjectSummary>()(z.object({ dir: path, create: z.boolean().optional() }).strict()),
  'project:openDemo': channel<ProjectSummary>()(none),
  'project:chooseFolder': channel<{ dir: string | null }>()(none),
  'project:import': channel<ImportSummary | null>()(z.object({ file: readFrom.optional() }).strict()),
  'queue:list': channel<QueueList>()(z.object({ filter: z.enum(QUEUE_FILTERS) }).strict()),
  'item:get': channel<ItemView[]>()(z.object({ ids: z.array(itemId).max(200) }).strict()),
  'annotation:save': channel<SaveResult>()(saveArgs),
  'annotation:undo': channel<UndoResult>()(z.object({ item: itemId }).strict()),
  'progress:get': channel<Progress>()(none),
  'lead:set': channel<ProjectSummary>()(z.object({ on: z.boolean() }).strict()),
  'roster:list': channel<RosterView[]>()(none),
  'roster:setRole': channel<RosterView[]>()(
    z.object({ annotator: annotatorId, role: z.enum(ROLES), left: z.boolean().optional() }).strict(),
  ),
  'project:setRules': channel<ProjectSummary>()(
    z
      .object({
        queueOrder: z.enum(QUEUE_ORDERS).optional(),
        suggestions: z.enum(SUGGESTION_MODES).optional(),
        knownRate: z.number().min(0).max(0.5).optional(),
        qualification: z.number().int().min(0).max(100).optional(),
      })
      .strict(),
  ),
  'predictions:attach': channel<{ rows: number; matched: number } | null>()(
    z.object({ file: readFrom.optional() }).strict(),
  ),
  'predictions:detach': channel<{ rows: number }>()(none),
  'predictions:score': channel<AttachedScore>()(none),
  'known:set': channel<{ known: number }>()(
    z.object({ item: itemId, hate: z.enum(HATE_LABELS), pc: labelList, attack: labelList }).strict(),
  ),
  'known:unset': channel<{ known: number }>()(z.object({ item: itemId }).strict()),
  'known:import': channel<{ items: number; known: number } | null>()(
    z.object({ file: readFrom.optional() }).strict(),
  ),
  'known:stats': channel<KnownStats>()(none),
  'item:search': channel<SearchResult>()(
    // An empty query lists every meme in scope (a page of `limit` from `offset`), as Browse does.
    z
      .object({
        query: z.string().max(200),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  'review:list': channel<ReviewList>()(z.object({ filter: reviewFilter }).strict()),
  'review:item': channel<ReviewItem>()(z.object({ id: itemId }).strict()),
  'review:close': channel<ReviewItem>()(
    z.object({ item: itemId, close: z.boolean(), note: z.string().max(5000).default('') }).strict(),
  ),
  'adjudication:save': channel<ReviewItem>()(
    z
      .object({
        item: itemId,
        hate: z.enum(HATE_LABELS),
        pc: labelList,
        attack: labelList,
        note: z.string().max(5000).default(''),
        /** The lead labeled this meme as an annotator and decides it knowingly (recorded). */
        ownVote: z.boolean().optional(),
      })
      .strict(),
  ),
  'adjudication:undo': channel<ReviewItem>()(z.object({ item: itemId }).strict()),
  'stats:dashboard': channel<Dashboard>()(z.object({ policy: z.enum(GOLD_POLICIES).optional() }).strict()),
  'stats:chooseReportTarget': channel<SaveTarget | null>()(
    z.object({ format: z.enum(REPORT_FORMATS) }).strict(),
  ),
  'stats:exportReport': channel<{ out: string }>()(
    z.object({ format: z.enum(REPORT_FORMATS), to: saveTo }).strict(),
  ),
  'export:preview': channel<ExportCounts>()(z.object({ options: exportOptions }).strict()),
  'export:chooseTarget': channel<SaveTarget | null>()(z.object({ format: z.enum(EXPORT_FORMATS) }).strict()),
  'export:run': channel<ExportRun>()(z.object({ options: exportOptions, to: saveTo }).strict()),
  'score:run': channel<ScoreReport | null>()(z.object({ pred: readFrom.optional() }).strict()),
  'rights:summary': channel<RightsSummary>()(none),
  'rights:item': channel<RightsItem>()(z.object({ id: itemId }).strict()),
  'rights:setProvenance': channel<RightsItem>()(z.object({ id: itemId, set: provenanceSchema }).strict()),
  'rights:importProvenance': channel<{ items: number; events: number } | null>()(
    z.object({ file: readFrom.optional() }).strict(),
  ),
  'rights:forget': channel<ForgetSummary>()(forgetArgs.extend({ id: itemId })),
  'rights:forgetAnnotator': channel<ForgetSummary>()(forgetArgs.extend({ annotator: annotatorId })),
  'rights:audit': channel<AuditSummary>()(none),
  // Everyone reads the guidelines this app shows; a lead in lead mode saves a new version; a lead
  // reads every version with the votes made under it and their agreement, and any kept version.
  'guidelines:get': channel<GuidelinesView>()(none),
  'guidelines:save': channel<GuidelinesView>()(
    z
      .object({
        markdown: z.string().min(1).max(MAX_GUIDELINES_CHARS),
        /** The version the lead edited: refused if another lead saved since. */
        base: z
          .string()
          .regex(/^[0-9a-f]{64}$/, 'a full guidelines version')
          .optional(),
      })
      .strict(),
  ),
  'guidelines:versions': channel<GuidelineVersions>()(
    z.object({ policy: z.enum(GOLD_POLICIES).optional() }).strict(),
  ),
  'guidelines:version': channel<GuidelinesView | null>()(
    z.object({ version: z.string().refine(isGuidelineVersion, GUIDELINE_VERSION_RULE) }).strict(),
  ),
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

// The zod-free name list (shared/channels.ts) and the contract must name the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameChannels: Same<Channel, ChannelName> = true;
void sameChannels;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;

type Method<C extends Channel> =
  undefined extends ArgsOf<C>
    ? (args?: ArgsOf<C>) => Promise<ResultOf<C>>
    : (args: ArgsOf<C>) => Promise<ResultOf<C>>;

/** The renderer's `api.<domain>.<verb>(args)`: one async function per channel. */
export type Api = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: Method<C>;
  };
};

/** Events the backend pushes: labels synced in from other machines, long-task progress. */
export interface ApiEvents {
  'project:changed': {
    /** 'rules': a lead changed project.json (roster, queue rules), known answers or predictions. */
    reason: 'sync' | 'import' | 'forget' | 'adjudication' | 'roles' | 'rules' | 'guidelines';
    annotators: string[];
  };
  'task:progress': { task: string; done: number; total: number };
  /** Native menu choices (Electron), handled by the renderer like its own buttons. */
  'menu:command': {
    command: 'open-folder' | 'open-recent' | 'open-demo' | 'import' | 'export' | 'preferences' | 'help';
    dir?: string;
  };
}

export const EVENT_NAMES: readonly (keyof ApiEvents)[] = EVENT_LIST;

/**
 * The global `api` object of the renderer: one async function per channel (`api.project.open({ dir })`), plus event
 * subscription and image URLs.
 */
export type WindowApi = Api & {
  on<E extends keyof ApiEvents>(event: E, cb: (payload: ApiEvents[E]) => void): () => void;
  /** URL of a project image for <img src>: media:// in Electron, /media/ in browser mode. */
  mediaUrl(relPath: string): string;
};

/** Builds the nested `api` object from any transport (ipcRenderer.invoke, fetch). */
export function buildApi(invoke: (channel: Channel, args: unknown) => Promise<unknown>): Api {
  return buildApiObject(invoke) as unknown as Api;
}

export class ApiArgError extends Error {}

/** Validates a channel's argument; the message names the field. */
export function parseArgs<C extends Channel>(channel: C, args: unknown): ParsedArgsOf<C> {
  const schema = CONTRACT[channel]?.args as z.ZodType | undefined;
  if (!schema) throw new ApiArgError(`unknown channel "${String(channel)}"`);
  const r = schema.safeParse(args);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'argument';
    throw new ApiArgError(`${channel}: ${field}: ${issue.message}`);
  }
  return r.data as ParsedArgsOf<C>;
}

export function isChannel(x: unknown): x is Channel {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, x);
}
