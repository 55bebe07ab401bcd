// Data rights: provenance per item (source, licence, consent, region), the export filters that
// use it, and the tombstones that keep forgotten items forgotten. Events live in
// .memejury/governance.jsonl, written by the lead only.
import * as z from 'zod';
import { isAnnotatorId } from './ids';
import { addOwn } from './own';
import { isItemId, isTimeString, type Check, type Item, type ItemId, type Provenance } from './records';

const CONSENT = ['yes', 'no', 'unknown'] as const;
export type Consent = (typeof CONSENT)[number];

export const provenanceSchema = z
  .object({
    source: z.string().max(500).optional(),
    licence: z.string().max(200).optional(),
    consent: z.enum(CONSENT).optional(),
    region: z.string().max(100).optional(),
    notes: z.string().max(5000).optional(),
  })
  .strict();

export interface ProvenanceEvent {
  v: 1;
  type: 'provenance';
  item: ItemId;
  set: Provenance;
  by: string;
  at: string;
  /** Where the values came from: "app", or the sidecar file imported. */
  via: string;
}

export interface Tombstone {
  v: 1;
  type: 'forget';
  scope: 'item' | 'annotator';
  /** sha256 of the item key or annotator id: no content, only a way to recognise it again. */
  hash: string;
  /** sha256 of the image bytes, when the image was there to hash. */
  img_hash: string | null;
  reason: string;
  /** Who asked (the data subject's request, a platform, a lead's own decision). */
  requested_by: string;
  by: string;
  at: string;
}

/** A lead giving someone a role (or taking it back): who leads is itself on the record. */
export interface RoleEvent {
  v: 1;
  type: 'role';
  annotator: string;
  role: 'annotator' | 'lead';
  /** Left the team (true) or came back (false); absent when only the role changed. */
  left?: boolean;
  by: string;
  at: string;
}

export type GovernanceEvent = ProvenanceEvent | Tombstone | RoleEvent;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const HEX64 = /^[0-9a-f]{64}$/;

export function checkGovernanceEvent(raw: unknown): Check<GovernanceEvent> {
  if (!isObject(raw)) return { ok: false, error: 'expected a JSON object' };
  if (raw.v !== 1) return { ok: false, error: 'field "v": expected 1' };
  if (!isTimeString(raw.at)) return { ok: false, error: 'field "at": expected an ISO time' };
  if (typeof raw.by !== 'string') return { ok: false, error: 'field "by": expected who recorded it' };
  if (raw.type === 'provenance') {
    if (!isItemId(raw.item)) return { ok: false, error: 'field "item": expected an item id' };
    const set = provenanceSchema.safeParse(raw.set);
    if (!set.success)
      return {
        ok: false,
        error: `field "set.${set.error.issues[0].path.join('.')}": ${set.error.issues[0].message}`,
      };
    return { ok: true, value: { ...(raw as unknown as ProvenanceEvent), set: set.data } };
  }
  if (raw.type === 'forget') {
    if (raw.scope !== 'item' && raw.scope !== 'annotator')
      return { ok: false, error: 'field "scope": expected "item" or "annotator"' };
    if (typeof raw.hash !== 'string' || !HEX64.test(raw.hash))
      return { ok: false, error: 'field "hash": expected a sha256' };
    if (raw.img_hash !== null && (typeof raw.img_hash !== 'string' || !HEX64.test(raw.img_hash)))
      return { ok: false, error: 'field "img_hash": expected a sha256 or null' };
    if (typeof raw.reason !== 'string') return { ok: false, error: 'field "reason": expected text' };
    if (typeof raw.requested_by !== 'string')
      return { ok: false, error: 'field "requested_by": expected text' };
    return { ok: true, value: raw as unknown as Tombstone };
  }
  if (raw.type === 'role') {
    if (!isAnnotatorId(raw.annotator))
      return { ok: false, error: 'field "annotator": expected an annotator id' };
    if (raw.role !== 'annotator' && raw.role !== 'lead')
      return { ok: false, error: 'field "role": expected "annotator" or "lead"' };
    if (raw.left !== undefined && typeof raw.left !== 'boolean')
      return { ok: false, error: 'field "left": expected true, false or absent' };
    return { ok: true, value: raw as unknown as RoleEvent };
  }
  return { ok: false, error: 'field "type": expected "provenance", "forget" or "role"' };
}

/** Provenance fields an item list may carry (either spelling of licence). */
export function provenanceFromRecord(r: Record<string, unknown>): Provenance | undefined {
  const p: Provenance = {};
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  if (str(r.source)) p.source = str(r.source);
  const licence = str(r.licence) ?? str(r.license);
  if (licence) p.licence = licence;
  const consent = str(r.consent)?.toLowerCase();
  if (consent === 'yes' || consent === 'no' || consent === 'unknown') p.consent = consent;
  if (str(r.region)) p.region = str(r.region);
  if (str(r.notes)) p.notes = str(r.notes);
  return Object.keys(p).length ? p : undefined;
}

export interface RightsFilters {
  /** Leave out items whose consent is not "yes" (no, unknown or missing). */
  excludeNoConsent?: boolean;
  /** Leave out items with these licences; "unknown" means no licence recorded. */
  excludeLicences?: string[];
  /** Leave out items from these regions. */
  excludeRegions?: string[];
}

/** Why an item is left out of an export by the data-rights filters, or null. */
export function rightsReason(p: Provenance | undefined, f: RightsFilters): string | null {
  if (f.excludeNoConsent && p?.consent !== 'yes') return `consent ${p?.consent ?? 'unknown'}`;
  const licence = p?.licence ?? 'unknown';
  if (f.excludeLicences?.some((l) => l.toLowerCase() === licence.toLowerCase())) return `licence ${licence}`;
  if (p?.region && f.excludeRegions?.some((r) => r.toLowerCase() === p.region!.toLowerCase()))
    return `region ${p.region}`;
  return null;
}

export interface Manifest {
  tool: string;
  version: string;
  created: string;
  file: string;
  sha256: string;
  bytes: number;
  records: number;
  format: string;
  policy: string;
  filters: Record<string, unknown>;
  annotators: number;
  counts: {
    licence: Record<string, number>;
    consent: Record<string, number>;
    source: Record<string, number>;
    region: Record<string, number>;
  };
  left_out: Record<string, number>;
  /** Why each kind of item was left out, in words. */
  left_out_why: Record<string, string>;
  forgotten_items: number;
  /**
   * Lines of the project's files that could not be read when the export was made (how many, and
   * the first as "file:line: why"): what they held is not in the export.
   */
  unreadable?: { lines: number; first: string[] };
  /** Records written with an empty text: their meme is an image on no item list (or on an unreadable line). */
  without_text?: number;
  /** Rewrites since the export was written (forgetting removes records and keeps this true). */
  rewritten?: { at: string; removed: number; why: string }[];
}

/** Counts by licence, consent, source and region over the exported items. */
export function provenanceCounts(items: readonly Item[]): Manifest['counts'] {
  const counts: Manifest['counts'] = { licence: {}, consent: {}, source: {}, region: {} };
  const add = (m: Record<string, number>, k: string): void => addOwn(m, k);
  for (const it of items) {
    const p = it.provenance;
    add(counts.licence, p?.licence ?? 'unknown');
    add(counts.consent, p?.consent ?? 'unknown');
    add(counts.source, p?.source ?? 'unknown');
    add(counts.region, p?.region ?? 'unknown');
  }
  return counts;
}

/**
 * What governance.jsonl says, replayed: tombstone hashes, and provenance overlays with their
 * history per item. Hashes are computed by the caller (Node's crypto is not available here).
 */
export class GovernanceState {
  readonly tombstones: Tombstone[] = [];
  readonly itemHashes = new Set<string>();
  readonly imgHashes = new Set<string>();
  readonly annotatorHashes = new Set<string>();
  readonly provenance = new Map<string, Provenance>();
  readonly history = new Map<string, ProvenanceEvent[]>();

  apply(ev: GovernanceEvent): void {
    if (ev.type === 'role') return; // project.json holds the roles; this is their history
    if (ev.type === 'forget') {
      this.tombstones.push(ev);
      (ev.scope === 'item' ? this.itemHashes : this.annotatorHashes).add(ev.hash);
      if (ev.img_hash) this.imgHashes.add(ev.img_hash);
      return;
    }
    const key = String(ev.item);
    this.provenance.set(key, { ...this.provenance.get(key), ...ev.set });
    const h = this.history.get(key) ?? [];
    h.push(ev);
    this.history.set(key, h);
  }

  /**
   * An item's provenance as it stood at `at` (an ISO time, e.g. an export's `created`): its item
   * list's own values (`base`) under the events recorded by then, merged as `apply` merges them.
   */
  provenanceAsOf(key: string, base: Provenance | undefined, at: string): Provenance | undefined {
    let p = base;
    for (const ev of this.history.get(key) ?? []) if (ev.at <= at) p = { ...p, ...ev.set };
    return p;
  }

  /** Forgets the provenance history of an item (its values are content too). */
  dropItem(key: string): void {
    this.provenance.delete(key);
    this.history.delete(key);
  }
}
