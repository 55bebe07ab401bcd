// Human-readable tables for the CLI.
import type { AgreementReport, NominalAgreement } from '../../shared/agreement';
import { tooFew } from '../../shared/dashboard';
import { TASKS } from '../../shared/taxonomy';
import { plural } from '../../shared/text';

function fmt(x: number | null, digits = 3): string {
  return x === null ? '—' : x.toFixed(digits);
}

function row(label: string, a: NominalAgreement): string {
  return `  ${label.padEnd(20)} ${fmt(a.fleiss_kappa).padStart(7)} ${fmt(a.krippendorff_alpha).padStart(7)} ${fmt(a.mean_pairwise_cohen_kappa).padStart(7)} ${fmt(a.percent_agreement).padStart(7)}`;
}

/** Which figures are on too few items: "κ and agreement: only 16 memes …; α: …", or ''. */
function fewNote(a: NominalAgreement | undefined): string {
  if (!a) return '';
  const full = tooFew(a.items_full_overlap);
  const two = tooFew(a.items_two_or_more);
  return [full && `fleiss, cohen, agree: ${full}`, two && `alpha: ${two}`].filter(Boolean).join('; ');
}

export function formatStats(r: AgreementReport): string {
  const head = `  ${''.padEnd(20)} ${'fleiss'.padStart(7)} ${'alpha'.padStart(7)} ${'cohen'.padStart(7)} ${'agree'.padStart(7)}`;
  const lines = [
    `${plural(r.items, 'item')}, ${plural(r.voters.length, 'annotator')} with votes (${r.voters.join(', ')})`,
    '',
    // With no meme of two counted votes there is no "all" to speak of (every voter not counted).
    r.hate.items_two_or_more === 0
      ? 'hate (0 items with two or more counted votes)'
      : `hate (${r.hate.items_two_or_more} items with two or more counted votes, ${r.hate.items_full_overlap} rated by all ${r.hate_full_overlap_raters})`,
  ];
  if (r.hate_excluded.length)
    lines.push(
      `  not counted: ${r.hate_excluded.join(', ')} (imported; labels only where gold is hateful, as in the FGHM release)`,
    );
  const hateFew = fewNote(r.hate);
  if (hateFew) lines.push(`  ${hateFew}`);
  lines.push(head, row('hateful', r.hate));
  for (const task of TASKS) {
    const t = r[task];
    const first = Object.values(t.labels)[0];
    const full = first ? first.items_full_overlap : 0;
    const few = fewNote(first);
    lines.push(
      '',
      `${task} (${plural(t.items, 'item')} with hateful gold, ${full} rated by all ${r.full_overlap_raters}, ${t.items_two_or_more} by two or more; alpha MASI ${fmt(t.alpha_masi)})`,
    );
    if (few) lines.push(`  ${few}`);
    lines.push(head);
    for (const [label, a] of Object.entries(t.labels)) lines.push(row(label, a));
  }
  lines.push('', 'annotators');
  for (const a of r.per_annotator)
    lines.push(
      `  ${a.id.padEnd(20)} ${String(a.items_done).padStart(7)} done, gold agreement ${a.hate_counted ? `${fmt(a.gold_agreement)} on ${a.gold_items}` : '— (hate votes not counted)'}, median ${fmt(a.median_seconds, 1)} s on ${a.timed_labels}`,
    );
  if (r.pairs.length) lines.push('', 'pairs (Cohen kappa on hate)');
  for (const p of r.pairs)
    lines.push(`  ${p.a} × ${p.b}: ${fmt(p.hate_cohen_kappa)} on ${plural(p.items, 'item')}`);
  return lines.join('\n');
}
