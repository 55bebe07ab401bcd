// Result types of the contract in shared/api.ts (what each channel returns).
import type { ExportCounts } from './export';
import type { Gold, GoldPolicy } from './gold';
import type { Manifest } from './governance';
import type { QueueCounts, QueueFilter } from './queue';
import type { ItemId, Provenance, SkipReason } from './records';
import type { QueueOrder, Role, SuggestionMode } from './project';
import type { ScoreReport } from './scorer';
import type { Suggestion } from './suggestions';
import type { Readiness } from './readiness';
import type { GoldExplanation, ReviewReason } from './review';
import type { Hate } from './taxonomy';

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  /** Native file dialogs exist (Electron); browser mode types paths instead. */
  dialogs: boolean;
}

export interface ProjectSummary {
  dir: string;
  name: string;
  items: number;
  /** Everyone in the project: the roster (a lead with no label too), then anyone else with a file. */
  annotators: string[];
  /**
   * How many of them have at least one vote: the figure the dashboard and `memejury stats` call
   * "annotators with votes".
   */
  voters: number;
  targetAnnotators: number;
  goldPolicy: GoldPolicy;
  missingImages: number;
  problems: string[];
  warnings: string[];
  /** This app's annotator, or null until a profile is chosen. */
  annotator: string | null;
  isDemo: boolean;
  /** Lead mode is on: review and adjudication are available. */
  lead: boolean;
  rules: ProjectRules;
  /** Rows of attached predictions, and known-answer memes. */
  predictions: number;
  known: number;
  /** This profile's labels were forgotten at someone's request: it can no longer label here. */
  annotatorForgotten: boolean;
  /** This profile's role in the project (null until a profile is chosen). */
  role: Role | null;
  /** The project's leads (roster). */
  leads: string[];
  /** Distinct set_name values of the items, for export filters. */
  splits: string[];
}

/** This annotator's own current label for an item (others' labels are never sent: blind). */
export interface MyLabel {
  hate: Hate | null;
  pc: string[];
  attack: string[];
  note: string;
  flag: boolean;
  at: string;
  skip?: SkipReason;
}

export interface ItemView {
  id: ItemId;
  img: string;
  text: string;
  set_name: string | null;
  missing: boolean;
  mine: MyLabel | null;
  /**
   * The attached model's suggestion, when the project shows suggestions (lead's setting) and has
   * a prediction for the meme; how to show it is `ProjectSummary.rules.suggestions`.
   */
  suggestion: Suggestion | null;
}

export interface QueueList {
  filter: QueueFilter;
  ids: ItemId[];
  counts: QueueCounts;
}

export interface Progress {
  counts: QueueCounts;
  items: number;
  annotations: number;
}

export interface SaveResult {
  item: ItemId;
  at: string;
  /** True once the line is fsynced: the UI's "saved" indicator waits for this. */
  saved: true;
  progress: Progress;
  /** In a qualification round: how the answer compares with the known one. */
  feedback: KnownFeedback | null;
}

/** Feedback on a known-answer meme during qualification (never outside it: unannounced). */
export interface KnownFeedback {
  correct: boolean;
  hateRight: boolean;
  /** Labels of the known answer the annotator missed, and labels they added. */
  missed: string[];
  extra: string[];
  expected: { hate: Hate; pc: string[]; attack: string[] };
  /** Known memes left in the qualification round. */
  remaining: number;
}

/** The lead's rules for queues and suggestions (project.json). */
export interface ProjectRules {
  queueOrder: QueueOrder;
  suggestions: SuggestionMode;
  knownRate: number;
  qualification: number;
}

/** Annotators' answers on known-answer memes (lead only). */
export interface KnownStats {
  items: number;
  annotators: {
    id: string;
    answered: number;
    hateCorrect: number;
    exact: number;
    /** Per day: answered and correct on hate, for accuracy over time. */
    byDay: { day: string; answered: number; hateCorrect: number }[];
  }[];
}

/** The attached predictions scored against the current gold, overall and per split. */
export interface AttachedScore {
  predictions: number;
  all: ScoreReport | null;
  splits: { split: string; report: ScoreReport | null }[];
  /**
   * Per annotator, how often their hate answer matched the model's: on memes where the model's
   * suggestion was on screen, and where it was not. A gap between the two is the suggestion's
   * pull, which agreement between people must not hide.
   */
  annotators: { id: string; shown: { n: number; agree: number }; notShown: { n: number; agree: number } }[];
}

export interface UndoResult {
  item: ItemId;
  mine: MyLabel | null;
  progress: Progress;
}

export interface ImportSummary {
  file: string;
  records: number;
  itemsAdded: number;
  annotationsAdded: number;
  warnings: string[];
}

export interface ReviewRow {
  id: ItemId;
  reasons: ReviewReason[];
  disagreement: number;
  votes: number;
  decided: boolean;
}

export interface ReviewList {
  rows: ReviewRow[];
  /** Memes with labels; of them, those ready (shared/readiness.ts); and the ready ones the policy
   * settles alone, accepted without review. */
  labeled: number;
  ready: number;
  autoAccepted: number;
  /** Current votes made under guidelines older than the current version (all memes). */
  olderGuidelines: number;
}

export interface ReviewVote {
  annotator: string;
  hate: Hate | null;
  pc: string[];
  attack: string[];
  note: string;
  flag: boolean;
  ms: number;
  at: string;
  /** The guidelines version the vote was made under (null: none recorded), and whether it is the current one. */
  gv: string | null;
  gvCurrent: boolean;
}

export interface ReviewItem {
  item: ItemView;
  /** Why the item is ready for review, or null while it waits for votes. */
  readiness: Readiness | null;
  /** Closed early by a lead (review proceeds with fewer votes than the target). */
  closed: { lead: string; at: string; note: string } | null;
  /** This lead labeled the meme as an annotator: a decision is marked as such. */
  ownVote: boolean;
  votes: ReviewVote[];
  gold: Gold;
  /** What the policy alone would give, when a lead decision overrides it. */
  policyGold: Gold;
  explanation: GoldExplanation;
  decision: {
    lead: string;
    hate: Hate;
    pc: string[];
    attack: string[];
    note: string;
    at: string;
    ownVote: boolean;
  } | null;
}

export interface RosterView {
  id: string;
  name: string;
  role: Role | 'imported';
  /** Has an annotation file in the project (has labeled). */
  labels: boolean;
  /** Recorded by a lead as having left the team (their memes go to others). */
  left: boolean;
  /** Memes assigned to them (null when the project does not assign), and labeled by them. */
  assigned: number | null;
  done: number;
}

export interface SearchResult {
  /** Items matched (id first, then text), in queue order; at most `limit`. */
  results: { id: ItemId; text: string; img: string }[];
  /** How many matched in all. */
  total: number;
  /** Searched everything (a lead) or only this annotator's own queue. */
  scope: 'project' | 'queue';
}

/** A place a native dialog in main chose to save to: the page gets only a handle and a name. */
export interface SaveTarget {
  handle: string;
  label: string;
}

export interface ExportRun {
  out: string;
  bytes: number;
  counts: ExportCounts;
  manifest: string | null;
}

export interface TombstoneView {
  scope: 'item' | 'annotator';
  hash: string;
  reason: string;
  requested_by: string;
  by: string;
  at: string;
}

export interface RightsSummary {
  counts: Manifest['counts'];
  items: number;
  withProvenance: number;
  tombstones: TombstoneView[];
}

export interface RightsItem {
  item: ItemView;
  provenance: Provenance;
  history: { at: string; by: string; via: string; set: Provenance }[];
}

export interface ForgetSummary {
  rewritten: string[];
  deleted: string[];
  deferred: string[];
}

export interface AuditSummary {
  tombstones: number;
  filesScanned: number;
  imagesHashed: number;
  findings: { file: string; line: number | null; what: string }[];
  /** What the audit cannot check but the lead must know (version history holding old copies). */
  warnings: string[];
}
