// What counts as a trace of something forgotten, in one place for forgetting (which removes
// traces) and the audit (which proves there are none left). Tombstones hold hashes only, so a
// record is recognised by hashing what it names: its item id in any spelling ("083745" is
// 83745), the image path it points at when that is named after a forgotten id (FGHM's
// img/83745.png), and the people it names (annotator, lead, the annotators list of a full
// export, an adjudication's lead).
import type { GovernanceState, Tombstone } from '../../shared/governance';
import { isAnnotatorId } from '../../shared/ids';
import { REPORT_KIND } from '../../shared/report';
import { annotatorHash, itemHashSpellings } from './hashes';
import { idFromImagePath } from './items';

export type Trace = 'item' | 'annotator';

/** A tombstone names what it forgets (by hash) and is the one record that must stay. */
export function isTombstoneRecord(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'forget';
}

/**
 * A saved agreement report (JSON, CSV or HTML, stats:exportReport): a summary whose figures were
 * computed with everyone's votes, naming annotators (per annotator, per pair) but no item.
 */
export function isAgreementReport(text: string): boolean {
  return (
    new RegExp(`"kind":\\s*"${REPORT_KIND}"`).test(text.slice(0, 200)) ||
    /^scope,label,metric,value,items\r?\n/.test(text) ||
    (/^<!doctype html>/i.test(text) && /<title>Agreement report:/.test(text) && /by Meme Jury/.test(text))
  );
}

export class Forgotten {
  constructor(
    readonly items: ReadonlySet<string>,
    readonly annotators: ReadonlySet<string>,
    readonly images: ReadonlySet<string>,
  ) {}

  static of(tombstones: readonly Tombstone[]): Forgotten {
    const items = new Set<string>();
    const annotators = new Set<string>();
    const images = new Set<string>();
    for (const t of tombstones) {
      (t.scope === 'item' ? items : annotators).add(t.hash);
      if (t.img_hash) images.add(t.img_hash);
    }
    return new Forgotten(items, annotators, images);
  }

  static fromGovernance(g: GovernanceState): Forgotten {
    return Forgotten.of(g.tombstones);
  }

  get empty(): boolean {
    return this.items.size === 0 && this.annotators.size === 0;
  }

  /** An id (any spelling) of a forgotten item. */
  isItem(id: unknown): boolean {
    return this.items.size > 0 && itemHashSpellings(id).some((h) => this.items.has(h));
  }

  /** An image file (project-relative path) named after a forgotten item. */
  isItemImagePath(rel: string): boolean {
    return this.items.size > 0 && this.isItem(idFromImagePath(rel));
  }

  isAnnotator(id: unknown): boolean {
    return this.annotators.size > 0 && typeof id === 'string' && this.annotators.has(annotatorHash(id));
  }

  /** Whether a text (an agreement report) names a forgotten annotator anywhere. */
  namesAnnotator(text: string): boolean {
    if (this.annotators.size === 0) return false;
    for (const token of new Set(text.split(/[^A-Za-z0-9_-]+/)))
      if (isAnnotatorId(token) && this.annotators.has(annotatorHash(token))) return true;
    return false;
  }

  /** What forgotten thing a record (a JSON value of a data file) names, if any. */
  trace(v: unknown): Trace | null {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || isTombstoneRecord(v)) return null;
    const r = v as Record<string, unknown>;
    if (this.items.size > 0) {
      if (this.isItem(r.id) || this.isItem(r.item)) return 'item';
      if (typeof r.img === 'string' && this.isItemImagePath(r.img)) return 'item';
    }
    if (this.annotators.size > 0) {
      if (this.isAnnotator(r.annotator) || this.isAnnotator(r.lead)) return 'annotator';
      if (Array.isArray(r.annotators) && r.annotators.some((a) => this.isAnnotator(a))) return 'annotator';
      const adj = r.adjudication as { lead?: unknown } | null | undefined;
      if (adj && typeof adj === 'object' && this.isAnnotator(adj.lead)) return 'annotator';
    }
    return null;
  }
}

/**
 * The words of a tombstone's free text (its reason, who asked), as ids are spelt: a forgotten id
 * among them is refused when forgetting and found by the audit.
 */
export function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}_.-]+/u).filter((w) => w !== '');
}
