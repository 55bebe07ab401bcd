// Agreement split by guidelines version: for each version, the current votes made under it
// (`gv` on the line), on their own, through the same agreement code as the dashboard. A meme whose
// annotators labeled it under different versions counts in each version only with the votes made
// under that one. Gold stays the project's gold (categories and attacks are compared on memes whose
// gold is hateful, as everywhere).
import { buildLabelMatrix, computeAgreement, type AgreementReport } from './agreement';
import type { Gold, GoldPolicy } from './gold';
import { sameVersion, type VersionFigures } from './guidelines';
import { itemKey, type AnnotationEvent, type Item, type ItemKey } from './records';
import { AnnotationState } from './state';

export interface VersionSplit extends VersionFigures {
  /** The version as recorded (resolved to a full known version when it is a prefix of one); null: none recorded. */
  version: string | null;
  first: string | null;
  last: string | null;
  report: AgreementReport;
}

/** The full known version a recorded `gv` names, else `gv` itself. */
function resolve(gv: string | undefined, known: readonly string[]): string | null {
  if (gv === undefined) return null;
  return known.find((v) => sameVersion(gv, v)) ?? gv;
}

/** The current votes of every annotator, grouped by the version they were made under. */
export function votesByVersion(
  state: AnnotationState,
  known: readonly string[] = [],
): Map<string | null, AnnotationEvent[]> {
  const groups = new Map<string | null, AnnotationEvent[]>();
  state.forEachVote((ev) => {
    const v = resolve(ev.gv, known);
    let g = groups.get(v);
    if (!g) groups.set(v, (g = []));
    g.push(ev);
  });
  return groups;
}

/** The figures of one group of votes, computed as the dashboard computes the project's. */
export function versionFigures(
  annotators: readonly string[],
  votes: readonly AnnotationEvent[],
  items: readonly Item[],
  golds: readonly Gold[],
  policy: GoldPolicy,
  fullOverlap: number,
): Omit<VersionSplit, 'version'> {
  const sub = new AnnotationState();
  for (const a of annotators) sub.addAnnotator(a);
  let first: string | null = null;
  let last: string | null = null;
  const memes = new Set<ItemKey>();
  for (const ev of votes) {
    sub.apply(ev);
    memes.add(itemKey(ev.item));
    if (first === null || ev.at < first) first = ev.at;
    if (last === null || ev.at > last) last = ev.at;
  }
  const report = computeAgreement(buildLabelMatrix(sub, items, golds, policy), fullOverlap);
  return {
    votes: votes.length,
    items: memes.size,
    hate: { alpha: report.hate.krippendorff_alpha, items: report.hate.items_two_or_more },
    pc: { alpha_masi: report.pc.alpha_masi, items: report.pc.items_two_or_more },
    attack: { alpha_masi: report.attack.alpha_masi, items: report.attack.items_two_or_more },
    first,
    last,
    report,
  };
}

/**
 * Agreement per guidelines version over the current votes on `items`; `known` are the full versions the
 * project knows (current, archived, default), to which recorded prefixes are resolved. Versions
 * in order of their first vote; votes recording no version last.
 */
export function splitByGuidelines(
  state: AnnotationState,
  items: readonly Item[],
  golds: readonly Gold[],
  policy: GoldPolicy,
  fullOverlap: number,
  known: readonly string[] = [],
): VersionSplit[] {
  // Only votes on the memes agreement is computed on (not known-answer memes, not unknown ones).
  const scored = new Set(items.map((it) => itemKey(it.id)));
  const out: VersionSplit[] = [];
  for (const [version, all] of votesByVersion(state, known)) {
    const votes = all.filter((ev) => scored.has(itemKey(ev.item)));
    if (votes.length === 0) continue;
    out.push({ version, ...versionFigures(state.annotators, votes, items, golds, policy, fullOverlap) });
  }
  return out.sort(
    (a, b) =>
      Number(a.version === null) - Number(b.version === null) || (a.first ?? '').localeCompare(b.first ?? ''),
  );
}
