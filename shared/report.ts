// The agreement report as CSV and as one self-contained HTML file (inline CSS and SVG, no
// scripts, no external resources), for sharing outside the app.
import { METRICS } from './agreement';
import { alphaBand, kappaBand, type Dashboard } from './dashboard';
import { TASKS } from './taxonomy';

/** The formats the agreement report is saved in. */
export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per figure: scope, label, metric, value (the same figures as `stats --json`). */
export function reportCsv(d: Dashboard): string {
  const rows: unknown[][] = [['scope', 'label', 'metric', 'value']];
  for (const m of METRICS) rows.push(['hate', '', m, d.report.hate[m]]);
  for (const task of TASKS) {
    rows.push([task, '', 'alpha_masi', d.report[task].alpha_masi]);
    for (const [label, a] of Object.entries(d.report[task].labels))
      for (const m of METRICS) rows.push([task, label, m, a[m]]);
  }
  for (const p of d.report.pairs)
    rows.push(['pair', `${p.a}|${p.b}`, 'hate_cohen_kappa', p.hate_cohen_kappa]);
  for (const a of d.report.per_annotator) {
    rows.push(['annotator', a.id, 'items_done', a.items_done]);
    rows.push(['annotator', a.id, 'gold_agreement', a.gold_agreement]);
    rows.push(['annotator', a.id, 'median_seconds', a.median_seconds]);
    rows.push(['annotator', a.id, 'fast_labels', a.fast_labels]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const COLOURS = ['#f4c7c3', '#fbe3b6', '#fff3b0', '#d9efc7', '#b7e1c4'];

function cell(x: number | null, alpha = false): string {
  const band = alpha ? alphaBand(x) : kappaBand(x);
  if (x === null || !band) return '<td class="na">—</td>';
  return `<td style="background:${COLOURS[band.level]}" title="${band.label}">${x.toFixed(3)}</td>`;
}

function bars(title: string, counts: Record<string, number>, labels: readonly string[]): string {
  const max = Math.max(1, ...labels.map((l) => counts[l] ?? 0));
  const h = 22;
  const rows = labels
    .map((l, i) => {
      const n = counts[l] ?? 0;
      const w = Math.round((n / max) * 300);
      return `<text x="0" y="${i * h + 15}">${esc(l)}</text><rect x="150" y="${i * h + 4}" width="${w}" height="14" fill="#3451c6"/><text x="${156 + w}" y="${i * h + 15}">${n}</text>`;
    })
    .join('');
  return `<figure><figcaption>${esc(title)}</figcaption><svg width="520" height="${labels.length * h}" font-size="12" font-family="sans-serif">${rows}</svg></figure>`;
}

export function reportHtml(d: Dashboard, projectName: string, generatedAt: string): string {
  const r = d.report;
  const metricHead =
    '<tr><th></th><th>Fleiss κ</th><th>Krippendorff α</th><th>mean Cohen κ</th><th>% agreement</th></tr>';
  const row = (name: string, a: (typeof r)['hate']): string =>
    `<tr><th>${esc(name)}</th>${cell(a.fleiss_kappa)}${cell(a.krippendorff_alpha, true)}${cell(a.mean_pairwise_cohen_kappa)}<td>${a.percent_agreement === null ? '—' : (100 * a.percent_agreement).toFixed(1) + '%'}</td></tr>`;
  const tasks = TASKS.map((t) => {
    const tr = r[t];
    const rows = Object.entries(tr.labels)
      .map(([l, a]) => row(l, a))
      .join('');
    return `<h2>${t === 'pc' ? 'Protected categories' : 'Attack types'}</h2><p>${tr.items} items with hateful gold; Krippendorff α (MASI) ${tr.alpha_masi === null ? '—' : tr.alpha_masi.toFixed(3)}</p><table>${metricHead}${rows}</table>${bars(`${t} labels (all annotators)`, d.distribution.team, Object.keys(tr.labels))}`;
  }).join('');
  const annotators = r.per_annotator
    .map(
      (a) =>
        `<tr><th>${esc(a.id)}</th><td>${a.items_done}</td><td>${a.gold_agreement === null ? '—' : (100 * a.gold_agreement).toFixed(1) + '%'}</td><td>${a.median_seconds === null ? '—' : a.median_seconds.toFixed(1) + ' s'}</td><td>${a.fast_labels}</td></tr>`,
    )
    .join('');
  const pairs = r.pairs
    .map((p) => `<tr><th>${esc(p.a)} × ${esc(p.b)}</th>${cell(p.hate_cohen_kappa)}<td>${p.items}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agreement report: ${esc(projectName)}</title>
<style>body{font-family:sans-serif;margin:24px;color:#1d232b}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #dde1e6;padding:4px 8px;text-align:right}th{text-align:left}td.na{color:#999}figure{margin:8px 0}figcaption{font-weight:bold;font-size:13px}</style></head><body>
<h1>Agreement report: ${esc(projectName)}</h1>
<p>${r.items} items, ${r.annotators.length} annotators, gold policy <b>${esc(d.policy)}</b>; gold: ${d.gold.hateful} hateful, ${d.gold.notHateful} not hateful, ${d.gold.unresolved} unresolved, ${d.gold.adjudicated} decided by a lead. Generated ${esc(generatedAt)} by Meme Jury.</p>
<p>Colours: Landis &amp; Koch bands for κ (slight … almost perfect); for α, ≥ .800 reliable, ≥ .667 tentative.</p>
<h2>Hateful or not (all items)</h2><table>${metricHead}${row('hate', r.hate)}</table>
${tasks}
<h2>Annotators</h2><table><tr><th></th><th>items</th><th>agreement with gold</th><th>median time</th><th>labels &lt; 2 s</th></tr>${annotators}</table>
<h2>Annotator pairs (Cohen κ on hate)</h2><table><tr><th></th><th>κ</th><th>items</th></tr>${pairs}</table>
</body></html>
`;
}
