// The project's annotation guidelines (`.memejury/guidelines.md`): the one convention that ties a
// label to its definition, the rule of a guidelines version as written on annotation lines, and
// what the contract returns about them. Pure: the version (a sha256) is computed in the Node core.
//
// Convention: a level-2 heading names a label, as its id or in words ("## Race",
// "## Inciting violence", "## not_hateful"). The text under it up to the next heading is the
// label's definition (shown on the label's chip); a heading named "Examples" (any level below 2)
// starts the examples, which the guide keeps behind a content warning until opened.
import { parseMarkdown, plainText, type Block } from './markdown';
import { ATTACK_LABELS, HATEFUL, NOT_HATEFUL, PC_LABELS } from './taxonomy';

/** Every label the guidelines define: hate first, then categories, then attack types. */
export const GUIDELINE_LABELS: readonly string[] = [HATEFUL, NOT_HATEFUL, ...PC_LABELS, ...ATTACK_LABELS];

/** Guidelines longer than this are refused: a guide, not a data file. */
export const MAX_GUIDELINES_CHARS = 200_000;

/** A version as an annotation line records it: 12 to 64 lowercase hex digits of the sha256. */
const VERSION = /^[0-9a-f]{12,64}$/;
export const GUIDELINE_VERSION_RULE = '12 to 64 lowercase hex digits (a guidelines version)';

export function isGuidelineVersion(v: unknown): v is string {
  return typeof v === 'string' && VERSION.test(v);
}

/** How a version is shown: its first 12 hex digits. */
export function shortVersion(version: string): string {
  return version.slice(0, 12);
}

/** Whether a line's recorded version `gv` (possibly a prefix) is `version` (the full hash). */
export function sameVersion(gv: string, version: string): boolean {
  return version.startsWith(gv);
}

/** A line made under guidelines other than `current` (a line recording no version is not). */
export function madeUnderOlder(gv: string | undefined, current: string): boolean {
  return gv !== undefined && !sameVersion(gv, current);
}

/** A heading's label id, or null when it names none: words or the id, any case. */
export function labelOfHeading(text: string): string | null {
  const id = plainText(text)
    .trim()
    .toLowerCase()
    .replace(/[:.]+$/, '')
    .replace(/[\s-]+/g, '_');
  return GUIDELINE_LABELS.includes(id) ? id : null;
}

const isExamplesHeading = (text: string): boolean => /^examples?\b/i.test(plainText(text).trim());

/** A block of the guide, marked when it is an example (kept behind the content warning). */
export interface GuideBlock {
  block: Block;
  example: boolean;
  /** The label this block belongs to (its section), if any. */
  label: string | null;
}

/** The guide's blocks with their section's label and whether each is an example. */
export function guideBlocks(md: string): GuideBlock[] {
  const out: GuideBlock[] = [];
  let label: string | null = null;
  let examplesAt: number | null = null;
  for (const block of parseMarkdown(md)) {
    if (block.kind === 'heading') {
      if (examplesAt !== null && block.level <= examplesAt) examplesAt = null;
      if (block.level <= 2) label = block.level === 2 ? labelOfHeading(block.text) : null;
      if (block.level > 2 && examplesAt === null && isExamplesHeading(block.text)) examplesAt = block.level;
    }
    out.push({ block, example: examplesAt !== null, label });
  }
  return out;
}

/**
 * Each label's definition: the plain text under its level-2 heading before any sub-heading (its
 * examples), paragraphs and list items joined. Labels the text does not define are absent.
 */
export function labelDefinitions(md: string): Record<string, string> {
  const defs: Record<string, string> = {};
  let label: string | null = null;
  let open = false;
  for (const block of parseMarkdown(md)) {
    if (block.kind === 'heading') {
      label = block.level === 2 ? labelOfHeading(block.text) : block.level < 2 ? null : label;
      open = block.level === 2 && label !== null && !(label in defs);
      continue;
    }
    if (!open || label === null) continue;
    const text =
      block.kind === 'list'
        ? block.items.map(plainText).join('; ')
        : block.kind === 'code'
          ? ''
          : plainText(block.text);
    if (text) defs[label] = defs[label] ? `${defs[label]} ${text}` : text;
  }
  return defs;
}

/** `guidelines:get`: the guidelines this app shows now, with the version labels are stamped with. */
export interface GuidelinesView {
  markdown: string;
  /** sha256 of the Markdown (hex). */
  version: string;
  short: string;
  /** The project's file, or the built-in default when the project has none. */
  source: 'project' | 'default';
  definitions: Record<string, string>;
}

/** Agreement on the votes made under one version (shared/guidelinesSplit.ts). */
export interface VersionFigures {
  /** Current votes (an annotator's newest label of a meme) made under this version. */
  votes: number;
  /** Memes with at least one of them. */
  items: number;
  /** Hate: Krippendorff's α and the memes with two or more such votes it is on. */
  hate: { alpha: number | null; items: number };
  /** Categories and attack types: α with MASI on memes whose gold is hateful, and its count. */
  pc: { alpha_masi: number | null; items: number };
  attack: { alpha_masi: number | null; items: number };
}

export interface GuidelineVersionRow extends VersionFigures {
  /** The full version, or null for votes that record none (imported, or made before guidelines). */
  version: string | null;
  short: string | null;
  current: boolean;
  /** Its text can be read (`guidelines:version`): archived, current, or the built-in default. */
  readable: boolean;
  isDefault: boolean;
  /** First and last time a current vote was made under it. */
  first: string | null;
  last: string | null;
}

/** `guidelines:versions` (a lead's): every version with the votes made under it and their agreement. */
export interface GuidelineVersions {
  current: string;
  short: string;
  rows: GuidelineVersionRow[];
  /** Current votes made under a version that is not the current one. */
  older: number;
  /** Current votes that record no version. */
  unrecorded: number;
}
