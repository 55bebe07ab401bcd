// The agreement report as JSON, as CSV and as one self-contained HTML file (inline CSS and SVG,
// no scripts, no external resources), for sharing outside the app. Every figure carries the
// number of items it was computed on; figures on too few items get no colour band.
import { FAST_LABEL_SECONDS, METRICS, type NominalAgreement } from './agreement';
import {
  MIN_ITEMS,
  alphaBand,
  bandOn,
  kappaBand,
  raterPhrase,
  tooFew,
  type Band,
  type Dashboard,
} from './dashboard';
import { TASKS } from './taxonomy';
import { plural } from './text';

/**
 * Marks a saved JSON report as what it is. The project's item-list loader reads top-level JSON
 * files, and skips any whose "kind" names a Meme Jury output (electron/services/items.ts).
 */
export const REPORT_KIND = 'memejury-agreement-report';

/** The formats the agreement report is saved in. */
export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Items a metric of a label was computed on: α on items with two or more ratings, the rest on full overlap. */
export function metricItems(a: NominalAgreement, metric: (typeof METRICS)[number]): number {
  return metric === 'krippendorff_alpha' ? a.items_two_or_more : a.items_full_overlap;
}

/** The saved JSON report: marked by `kind`, with the flat figures and the whole report. */
export function reportJson(d: Dashboard, projectName: string, generatedAt: string): string {
  const body = {
    kind: REPORT_KIND,
    project: projectName,
    policy: d.policy,
    generated: generatedAt,
    min_items: MIN_ITEMS,
    figures: d.flat,
    report: d.report,
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/**
 * One row per figure: scope, label, metric, value and the items it was computed on (the same
 * figures as `stats --json`).
 */
export function reportCsv(d: Dashboard): string {
  const rows: unknown[][] = [['scope', 'label', 'metric', 'value', 'items']];
  for (const m of METRICS) rows.push(['hate', '', m, d.report.hate[m], metricItems(d.report.hate, m)]);
  for (const task of TASKS) {
    const t = d.report[task];
    rows.push([task, '', 'alpha_masi', t.alpha_masi, t.items_two_or_more]);
    for (const [label, a] of Object.entries(t.labels))
      for (const m of METRICS) rows.push([task, label, m, a[m], metricItems(a, m)]);
  }
  for (const p of d.report.pairs)
    rows.push(['pair', `${p.a}|${p.b}`, 'hate_cohen_kappa', p.hate_cohen_kappa, p.items]);
  for (const a of d.report.per_annotator) {
    rows.push(['annotator', a.id, 'items_done', a.items_done, a.items_done]);
    rows.push(['annotator', a.id, 'gold_agreement', a.gold_agreement, a.gold_items]);
    rows.push(['annotator', a.id, 'median_seconds', a.median_seconds, a.timed_labels]);
    rows.push(['annotator', a.id, 'fast_labels', a.fast_labels, a.timed_labels]);
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

function cell(x: number | null, n: number, bandOf: (x: number | null) => Band | null = kappaBand): string {
  const few = tooFew(n);
  if (x === null) return `<td class="na" title="${esc(few ?? 'no value')}">—</td>`;
  const band = bandOn(bandOf(x), n);
  if (!band) return `<td class="few" title="${esc(few ?? '')}">${x.toFixed(3)}</td>`;
  return `<td style="background:${COLOURS[band.level]}" title="${band.label} (on ${n} items)">${x.toFixed(3)}</td>`;
}

function pct(x: number | null): string {
  return x === null ? '—' : (100 * x).toFixed(1) + '%';
}

/** "on 237 items (all 3 raters) · α on 244 items", and why the figures are grey when too few. */
function scope(a: NominalAgreement, raters: number): string {
  const fewFull = tooFew(a.items_full_overlap);
  const fewTwo = tooFew(a.items_two_or_more);
  const few = [fewFull && `κ and agreement: ${fewFull}`, fewTwo && `α: ${fewTwo}`].filter(Boolean).join('; ');
  const line = `κ and agreement on ${a.items_full_overlap} memes rated by ${raterPhrase(raters)}; α on ${a.items_two_or_more} memes with two or more ratings.`;
  return `<p>${line}${few ? ` <span class="few">Grey: ${esc(few)}.</span>` : ''}</p>`;
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
  const row = (name: string, a: NominalAgreement): string =>
    `<tr><th>${esc(name)}</th>${cell(a.fleiss_kappa, a.items_full_overlap)}${cell(a.krippendorff_alpha, a.items_two_or_more, alphaBand)}${cell(a.mean_pairwise_cohen_kappa, a.items_full_overlap)}<td>${pct(a.percent_agreement)}</td></tr>`;
  const tasks = TASKS.map((t) => {
    const tr = r[t];
    const rows = Object.entries(tr.labels)
      .map(([l, a]) => row(l, a))
      .join('');
    const first = Object.values(tr.labels)[0];
    return `<h2>${t === 'pc' ? 'Protected categories' : 'Attack types'}</h2><p>${tr.items} memes with hateful gold; Krippendorff α (MASI) ${tr.alpha_masi === null ? '—' : tr.alpha_masi.toFixed(3)} on ${tr.items_two_or_more} memes${tooFew(tr.items_two_or_more) ? ' (too few to judge)' : ''}.</p>${first ? scope(first, r.full_overlap_raters) : ''}<table>${metricHead}${rows}</table>${bars(`${t} labels (all annotators)`, d.distribution.team, Object.keys(tr.labels))}`;
  }).join('');
  const annotators = r.per_annotator
    .map((a) => {
      const gold = a.hate_counted
        ? `${pct(a.gold_agreement)} on ${a.gold_items}${tooFew(a.gold_items) ? ' (too few)' : ''}`
        : 'hate votes not counted';
      const time = a.median_seconds === null ? '—' : `${a.median_seconds.toFixed(1)} s`;
      return `<tr><th>${esc(a.id)}</th><td>${a.items_done}</td><td>${gold}</td><td>${time} on ${a.timed_labels}</td><td>${a.fast_labels} of ${a.timed_labels}</td></tr>`;
    })
    .join('');
  const pairs = r.pairs
    .map(
      (p) =>
        `<tr><th>${esc(p.a)} × ${esc(p.b)}</th>${cell(p.hate_cohen_kappa, p.items)}<td>${p.items}</td></tr>`,
    )
    .join('');
  const excluded = r.hate_excluded.length
    ? `<p>Not counted: the hate votes of ${r.hate_excluded.map(esc).join(', ')}, imported annotators whose labels exist only for memes with hateful gold (the FGHM release records per-annotator labels only for hateful memes).</p>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agreement report: ${esc(projectName)}</title>
<style>body{font-family:sans-serif;margin:24px;color:#1d232b}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #dde1e6;padding:4px 8px;text-align:right}th{text-align:left}td.na{color:#595959}td.few,.few{color:#595959;background:#eeeeee}figure{margin:8px 0}figcaption{font-weight:bold;font-size:13px}</style></head><body>
<h1>Agreement report: ${esc(projectName)}</h1>
<p>${plural(r.items, 'item')}, ${plural(r.voters.length, 'annotator')} with votes, gold policy <b>${esc(d.policy)}</b>; gold: ${d.gold.hateful} hateful, ${d.gold.notHateful} not hateful, ${d.gold.unresolved} unresolved${d.gold.waiting ? ` (and ${plural(d.gold.waiting, 'tie')} on memes still waiting for votes)` : ''}, ${d.gold.adjudicated} decided by a lead. Generated ${esc(generatedAt)} by Meme Jury.</p>
<p>Colours: Landis &amp; Koch bands for κ (slight … almost perfect); for α, ≥ .800 reliable, ≥ .667 tentative. Figures on fewer than ${MIN_ITEMS} memes are grey, without a band: too few to judge.</p>
<h2>Hateful or not (${r.hate.items_two_or_more} memes with two or more counted hate votes)</h2>${excluded}${scope(r.hate, r.hate_full_overlap_raters)}<table>${metricHead}${row('hate', r.hate)}</table>
${tasks}
<h2>Annotators</h2><table><tr><th></th><th>items</th><th>agreement with gold</th><th>median time</th><th>labels &lt; ${FAST_LABEL_SECONDS} s</th></tr>${annotators}</table>
<p>Agreement with gold: each vote against the gold the meme would have without it (a lead's decision by someone else, else the other annotators' votes, else an imported gold label); memes where no such gold exists do not count. Labels &lt; ${FAST_LABEL_SECONDS} s: labels saved less than ${FAST_LABEL_SECONDS} seconds after the meme was shown, a sign of clicking through, out of the labels with a recorded time.</p>
<h2>Annotator pairs (Cohen κ on hate)</h2><table><tr><th></th><th>κ</th><th>items</th></tr>${pairs}</table>
</body></html>
`;
}
