// Human-readable tables for the CLI.
import type { AgreementReport, NominalAgreement } from '../../shared/agreement';
import { TASKS } from '../../shared/taxonomy';

function fmt(x: number | null, digits = 3): string {
  return x === null ? '—' : x.toFixed(digits);
}

function row(label: string, a: NominalAgreement): string {
  return `  ${label.padEnd(20)} ${fmt(a.fleiss_kappa).padStart(7)} ${fmt(a.krippendorff_alpha).padStart(7)} ${fmt(a.mean_pairwise_cohen_kappa).padStart(7)} ${fmt(a.percent_agreement).padStart(7)}`;
}

export function formatStats(r: AgreementReport): string {
  const head = `  ${''.padEnd(20)} ${'fleiss'.padStart(7)} ${'alpha'.padStart(7)} ${'cohen'.padStart(7)} ${'agree'.padStart(7)}`;
  const lines = [
    `${r.items} items, ${r.annotators.length} annotators (${r.annotators.join(', ')})`,
    '',
    `hate (${r.hate.items_two_or_more} items with two or more counted votes, ${r.hate.items_full_overlap} rated by all ${r.hate_full_overlap_raters})`,
  ];
  if (r.hate_excluded.length)
    lines.push(
      `  not counted: ${r.hate_excluded.join(', ')} (imported; labels only where gold is hateful, as in the FGHM release)`,
    );
  lines.push(head, row('hateful', r.hate));
  for (const task of TASKS) {
    const t = r[task];
    lines.push('', `${task} (${t.items} items with hateful gold; alpha MASI ${fmt(t.alpha_masi)})`, head);
    for (const [label, a] of Object.entries(t.labels)) lines.push(row(label, a));
  }
  lines.push('', 'annotators');
  for (const a of r.per_annotator)
    lines.push(
      `  ${a.id.padEnd(20)} ${String(a.items_done).padStart(7)} done, gold agreement ${a.hate_counted ? `${fmt(a.gold_agreement)} on ${a.gold_items}` : '— (hate votes not counted)'}, median ${fmt(a.median_seconds, 1)} s on ${a.timed_labels}`,
    );
  if (r.pairs.length) lines.push('', 'pairs (Cohen kappa on hate)');
  for (const p of r.pairs) lines.push(`  ${p.a} × ${p.b}: ${fmt(p.hate_cohen_kappa)} on ${p.items} items`);
  return lines.join('\n');
}
