// The project's annotation guidelines on disk: `.memejury/guidelines.md` (written by a lead
// only, atomically) and every saved version under `.memejury/guidelines/<sha256>.md`, so what a
// label was made under can always be read again. Without a file the project has the built-in
// default (shared/guidelinesDefault.ts). A version is the sha256 (hex) of the Markdown text with
// \n line endings. The store keeps the version this app shows; `refresh` (the folder watcher,
// every second) picks up a version a lead saved elsewhere.
import { createHash } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_GUIDELINES } from '../../shared/guidelinesDefault';
import {
  isGuidelineVersion,
  labelDefinitions,
  MAX_GUIDELINES_CHARS,
  sameVersion,
  shortVersion,
  type GuidelinesView,
} from '../../shared/guidelines';
import { UserError } from './errors';
import { exists, readTextIfExists, writeFileAtomic } from './fsx';
import type { ProjectPaths } from './paths';

export function guidelinesFile(paths: ProjectPaths): string {
  return join(paths.meta, 'guidelines.md');
}

export function guidelinesArchive(paths: ProjectPaths): string {
  return join(paths.meta, 'guidelines');
}

/** The text a version is the hash of: line endings as \n. */
export function normalizeGuidelines(markdown: string): string {
  return markdown.replace(/\r\n?/g, '\n');
}

export function guidelinesVersion(markdown: string): string {
  return createHash('sha256').update(normalizeGuidelines(markdown), 'utf8').digest('hex');
}

export const DEFAULT_VERSION = guidelinesVersion(DEFAULT_GUIDELINES);

export interface GuidelinesDoc {
  markdown: string;
  version: string;
  source: 'project' | 'default';
}

export function viewOf(doc: GuidelinesDoc): GuidelinesView {
  return {
    markdown: doc.markdown,
    version: doc.version,
    short: shortVersion(doc.version),
    source: doc.source,
    definitions: labelDefinitions(doc.markdown),
  };
}

const DEFAULT_DOC: GuidelinesDoc = {
  markdown: DEFAULT_GUIDELINES,
  version: DEFAULT_VERSION,
  source: 'default',
};

export class GuidelinesStore {
  private doc: GuidelinesDoc = DEFAULT_DOC;
  /** size and mtime of guidelines.md when last read ('' = absent): a cheap change check. */
  private stamp = '';
  private loaded = false;
  readonly file: string;
  readonly archive: string;

  /** `lead`: this process may write the guidelines (the lead lock is held). */
  constructor(
    paths: ProjectPaths,
    private readonly lead: boolean,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    this.file = guidelinesFile(paths);
    this.archive = guidelinesArchive(paths);
  }

  /** The guidelines this app shows now: labels saved now are stamped with their version. */
  get current(): GuidelinesDoc {
    return this.doc;
  }

  private async fileStamp(): Promise<string> {
    const st = await stat(this.file).catch(() => null);
    return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : '';
  }

  /** Reads guidelines.md again if it changed; true when the version this app shows changed. */
  async refresh(): Promise<boolean> {
    const stamp = await this.fileStamp();
    if (this.loaded && stamp === this.stamp) return false;
    this.loaded = true;
    let text: string | null;
    try {
      text = await readTextIfExists(this.file);
    } catch (err) {
      this.warn(
        `${this.file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}); the built-in guidelines are shown`,
      );
      text = null;
    }
    this.stamp = stamp;
    const before = this.doc.version;
    if (text === null || text.trim() === '') this.doc = DEFAULT_DOC;
    else {
      const markdown = normalizeGuidelines(text);
      this.doc = { markdown, version: guidelinesVersion(markdown), source: 'project' };
    }
    // The lead's app keeps every version it sees readable later (one written by hand or synced in).
    if (this.lead) await this.archiveDoc(this.doc).catch(() => undefined);
    return this.doc.version !== before;
  }

  private async archiveDoc(doc: GuidelinesDoc): Promise<void> {
    const file = join(this.archive, `${doc.version}.md`);
    if (await exists(file)) return;
    await mkdir(this.archive, { recursive: true });
    await writeFileAtomic(file, doc.markdown);
  }

  /**
   * Saves a new version (the caller holds the lead lock): archived first, then guidelines.md,
   * each atomically. `base` is the version the lead edited: if another lead saved in between,
   * nothing is written and the lead is told.
   */
  async save(markdown: string, base?: string): Promise<GuidelinesDoc> {
    if (!this.lead) throw new UserError('turn on lead mode to edit the guidelines');
    const text = normalizeGuidelines(markdown);
    if (text.trim() === '') throw new UserError('the guidelines cannot be empty');
    if (text.length > MAX_GUIDELINES_CHARS)
      throw new UserError(
        `the guidelines are longer than ${MAX_GUIDELINES_CHARS.toLocaleString('en')} characters`,
      );
    await this.refresh();
    if (base !== undefined && base !== this.doc.version)
      throw new UserError(
        `the guidelines changed while you edited them (now version ${shortVersion(this.doc.version)}): copy your text, reload and edit again`,
      );
    const doc: GuidelinesDoc = { markdown: text, version: guidelinesVersion(text), source: 'project' };
    if (doc.version === this.doc.version && this.doc.source === 'project') return this.doc;
    await this.archiveDoc(this.doc);
    await this.archiveDoc(doc);
    await writeFileAtomic(this.file, text);
    this.doc = doc;
    this.stamp = await this.fileStamp();
    return doc;
  }

  /** Full versions whose text is kept in the archive. */
  async archived(): Promise<string[]> {
    const names = await readdir(this.archive).catch(() => [] as string[]);
    return names
      .filter((n) => n.endsWith('.md'))
      .map((n) => n.slice(0, -3))
      .filter((v) => /^[0-9a-f]{64}$/.test(v));
  }

  /** Every version the project knows: current, built-in default, archived. */
  async known(): Promise<string[]> {
    return [...new Set([this.doc.version, DEFAULT_VERSION, ...(await this.archived())])];
  }

  /** The text of a version (full or a 12+ digit prefix), or null when it is kept nowhere. */
  async read(version: string): Promise<GuidelinesDoc | null> {
    if (!isGuidelineVersion(version)) return null;
    if (sameVersion(version, this.doc.version)) return this.doc;
    if (sameVersion(version, DEFAULT_VERSION)) return DEFAULT_DOC;
    const full = (await this.archived()).find((v) => sameVersion(version, v));
    if (!full) return null;
    const text = await readTextIfExists(join(this.archive, `${full}.md`));
    if (text === null) return null;
    const markdown = normalizeGuidelines(text);
    // A copy that does not hash to its name was altered: not the version asked for.
    if (guidelinesVersion(markdown) !== full) return null;
    return { markdown, version: full, source: 'project' };
  }
}
