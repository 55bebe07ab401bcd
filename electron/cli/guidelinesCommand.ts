// `memejury guidelines`: the project's annotation guidelines. Prints the version labels are
// stamped with now and every version with the votes made under it and their agreement; --print
// writes the Markdown out; --set <file.md> saves a new version as the lead (under the lead lock).
import { GOLD_POLICIES } from '../../shared/gold';
import type { GuidelineVersionRow } from '../../shared/guidelines';
import { readTextFile } from '../services/fsx';
import { guidelineVersions } from '../services/guidelineVersions';
import { oneOf, optStr, out, str, type Values } from './args';
import { asLead, openForCli } from './open';
import { plural } from '../../shared/text';

const fig = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

function rowText(r: GuidelineVersionRow): string {
  const name = r.short ?? 'none recorded';
  const tags = [
    r.current && 'current',
    r.isDefault && 'built-in default',
    !r.readable && r.version && 'text not kept',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    `${name.padEnd(14)} ${String(r.votes).padStart(6)} votes on ${String(r.items).padStart(6)} memes` +
    `   hate α ${fig(r.hate.alpha)} (n=${r.hate.items})` +
    `   categories α MASI ${fig(r.pc.alpha_masi)} (n=${r.pc.items})` +
    `   attacks α MASI ${fig(r.attack.alpha_masi)} (n=${r.attack.items})` +
    (tags ? `   [${tags}]` : '')
  );
}

export const guidelinesCommand = {
  usage:
    '--project <dir> [--set <file.md>] [--print] [--json] [--policy fghm|strict]   guidelines version, versions with agreement; --set saves one (lead)',
  options: {
    project: { type: 'string' },
    set: { type: 'string' },
    print: { type: 'boolean' },
    json: { type: 'boolean' },
    policy: { type: 'string' },
  } as const,
  async run(v: Values): Promise<number> {
    const dir = str(v, 'project');
    const set = optStr(v, 'set');
    if (set !== undefined) {
      const markdown = await readTextFile(set);
      const doc = await asLead(dir, (p) => p.guidelines.save(markdown));
      out(
        v.json
          ? JSON.stringify({ version: doc.version, source: doc.source })
          : `guidelines saved: version ${doc.version}`,
      );
      return 0;
    }
    const p = await openForCli(dir);
    try {
      const doc = p.guidelines.current;
      if (v.print) {
        out(doc.markdown);
        return 0;
      }
      const versions = await guidelineVersions(p, oneOf(v, 'policy', GOLD_POLICIES, p.policy()));
      if (v.json) out(JSON.stringify({ version: doc.version, source: doc.source, ...versions }));
      else {
        out(
          `guidelines ${doc.version} (${doc.source === 'default' ? 'built-in default' : '.memejury/guidelines.md'})`,
        );
        for (const r of versions.rows) out(rowText(r));
        out(
          `${plural(versions.older, 'vote')} made under an older version; ${versions.unrecorded} ${versions.unrecorded === 1 ? 'records' : 'record'} no version`,
        );
      }
      return 0;
    } finally {
      await p.close();
    }
  },
};
