// Every guidelines version of a project with the votes made under it and their agreement
// (shared/guidelinesSplit.ts), for the lead's views and `memejury guidelines`.
import type { GuidelineVersionRow, GuidelineVersions, VersionFigures } from '../../shared/guidelines';
import { shortVersion } from '../../shared/guidelines';
import type { GoldPolicy } from '../../shared/gold';
import { splitByGuidelines, votesByVersion } from '../../shared/guidelinesSplit';
import { DEFAULT_VERSION } from './guidelines';
import type { Project } from './project';

const NO_FIGURES: VersionFigures = {
  votes: 0,
  items: 0,
  hate: { alpha: null, items: 0 },
  pc: { alpha_masi: null, items: 0 },
  attack: { alpha_masi: null, items: 0 },
};

/** Current votes made under a version other than the current one, and those recording none. */
export async function olderVotes(p: Project): Promise<{ older: number; unrecorded: number }> {
  const current = p.guidelines.current.version;
  let older = 0;
  let unrecorded = 0;
  for (const [v, votes] of votesByVersion(p.state, await p.guidelines.known())) {
    if (v === null) unrecorded += votes.length;
    else if (v !== current) older += votes.length;
  }
  return { older, unrecorded };
}

/** Every version: those labels were made under (oldest first), then the rest; no version recorded last. */
export async function guidelineVersions(
  p: Project,
  policy: GoldPolicy = p.policy(),
): Promise<GuidelineVersions> {
  const current = p.guidelines.current.version;
  const archived = await p.guidelines.archived();
  const known = await p.guidelines.known();
  const { items, golds } = p.scored(policy);
  const split = splitByGuidelines(p.state, items, golds, policy, p.fullOverlap(), known);
  const row = (version: string | null, f: VersionFigures, first: string | null, last: string | null) =>
    ({
      ...f,
      version,
      short: version === null ? null : shortVersion(version),
      current: version === current,
      readable:
        version !== null &&
        (version === current || version === DEFAULT_VERSION || archived.includes(version)),
      isDefault: version === DEFAULT_VERSION,
      first,
      last,
    }) satisfies GuidelineVersionRow;
  const rows: GuidelineVersionRow[] = split.map((s) =>
    row(
      s.version,
      { votes: s.votes, items: s.items, hate: s.hate, pc: s.pc, attack: s.attack },
      s.first,
      s.last,
    ),
  );
  // Versions without votes yet (the current one, earlier saves nobody labeled under) are listed too.
  for (const v of [current, ...archived]) {
    if (rows.some((r) => r.version === v)) continue;
    const unrecorded = rows.findIndex((r) => r.version === null);
    rows.splice(unrecorded < 0 ? rows.length : unrecorded, 0, row(v, NO_FIGURES, null, null));
  }
  const { older, unrecorded } = await olderVotes(p);
  return { current, short: shortVersion(current), rows, older, unrecorded };
}
