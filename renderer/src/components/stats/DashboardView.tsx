import type { ReactNode } from 'react';
import type { Dashboard } from '../../../../shared/dashboard';
import { kappaBand } from '../../../../shared/dashboard';
import { ATTACK_LABELS, HATEFUL, PC_LABELS, TASKS, labelTitle } from '../../../../shared/taxonomy';
import { BarChart, LineChart } from '../Charts';
import { METRIC_HEAD as HEAD, MetricRow, Stat } from './MetricTable';

type DashboardViewProps = {
  d: Dashboard;
  /** Shown last, inside the dashboard (the report export buttons). */
  footer?: ReactNode;
};

/** Agreement at a glance, with the figures `memejury stats --json` prints. */
export function DashboardView({ d, footer }: DashboardViewProps) {
  const r = d.report;
  const ann = r.annotators;
  const pairKappa = (a: string, b: string): number | null =>
    r.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.hate_cohen_kappa ?? null;
  const teamTotal = Object.values(r.per_annotator).reduce((s, a) => s + a.items_done, 0);
  return (
    <div className="stats" data-testid="dashboard">
      <div className="cards">
        <div className="card small">
          <strong>{r.items.toLocaleString()}</strong> memes
        </div>
        <div className="card small">
          <strong>{ann.length}</strong> annotators
        </div>
        <div className="card small">
          <strong>{d.gold.hateful.toLocaleString()}</strong> hateful ·{' '}
          <strong>{d.gold.notHateful.toLocaleString()}</strong> not
        </div>
        <div className="card small">
          <strong>{d.gold.unresolved.toLocaleString()}</strong> unresolved ·{' '}
          <strong>{d.gold.adjudicated}</strong> decided
        </div>
        <div className="card small">
          policy <strong>{d.policy}</strong>
        </div>
      </div>
      <section className="card">
        <h2>
          Hateful or not <span className="muted">(all items)</span>
        </h2>
        <table className="metrics">
          <thead>{HEAD}</thead>
          <tbody>
            <MetricRow name="hate" a={r.hate} prefix="hate" />
          </tbody>
        </table>
        {TASKS.map((t) => (
          <div key={t}>
            <h2>
              {t === 'pc' ? 'Protected categories' : 'Attack types'}{' '}
              <span className="muted">
                ({r[t].items.toLocaleString()} items with hateful gold) · α MASI{' '}
                <span data-testid={`stat-${t}.alpha_masi`} data-value={r[t].alpha_masi ?? ''}>
                  {r[t].alpha_masi === null ? '—' : r[t].alpha_masi.toFixed(3)}
                </span>
              </span>
            </h2>
            <table className="metrics">
              <thead>{HEAD}</thead>
              <tbody>
                {Object.entries(r[t].labels).map(([l, a]) => (
                  <MetricRow key={l} name={labelTitle(l)} a={a} prefix={`${t}.${l}`} />
                ))}
              </tbody>
            </table>
          </div>
        ))}
        <p className="legend">
          κ bands (Landis &amp; Koch): <span className="stat level-0">slight</span>{' '}
          <span className="stat level-1">fair</span> <span className="stat level-2">moderate</span>{' '}
          <span className="stat level-3">substantial</span>{' '}
          <span className="stat level-4">almost perfect</span>; α: ≥ .800 reliable, ≥ .667 tentative.
        </p>
      </section>
      <div className="stats-grid">
        <section className="card">
          <h2>
            Annotator pairs <span className="muted">(Cohen κ on hate)</span>
          </h2>
          <table className="heatmap" data-testid="heatmap">
            <thead>
              <tr>
                <th />
                {ann.map((a) => (
                  <th key={a}>{a}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ann.map((a) => (
                <tr key={a}>
                  <th>{a}</th>
                  {ann.map((b) =>
                    a === b ? (
                      <td key={b} className="diag">
                        ·
                      </td>
                    ) : (
                      <Stat
                        key={b}
                        value={pairKappa(a, b)}
                        band={kappaBand(pairKappa(a, b))}
                        flatKey={`pair.${a}.${b}`}
                      />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card">
          <h2>Annotators</h2>
          <table className="annotators" data-testid="annotator-table">
            <thead>
              <tr>
                <th />
                <th>memes</th>
                <th>agree w/ gold</th>
                <th>median time</th>
                <th>&lt; 2 s</th>
                <th>hateful</th>
              </tr>
            </thead>
            <tbody>
              {r.per_annotator.map((a) => (
                <tr key={a.id}>
                  <th>{a.id}</th>
                  <td>{a.items_done.toLocaleString()}</td>
                  <td>{a.gold_agreement === null ? '—' : `${(100 * a.gold_agreement).toFixed(1)}%`}</td>
                  <td>{a.median_seconds === null ? '—' : `${a.median_seconds.toFixed(1)} s`}</td>
                  <td className={a.fast_labels > a.items_done / 4 ? 'warn' : ''}>{a.fast_labels}</td>
                  <td>{a.items_done ? `${((100 * a.hateful) / a.items_done).toFixed(0)}%` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <div className="stats-grid">
        {TASKS.map((t) => (
          <section className="card" key={t}>
            <BarChart
              title={`${t === 'pc' ? 'Categories' : 'Attacks'}: labels by the team`}
              bars={(t === 'pc' ? PC_LABELS : ATTACK_LABELS).map((l) => ({
                label: labelTitle(l),
                value: d.distribution.team[l] ?? 0,
              }))}
              testId={`chart-${t}`}
            />
          </section>
        ))}
        <section className="card">
          <LineChart
            title="Labels over time (running total)"
            points={d.timeline.map((p) => ({ x: p.day, y: p.cumulative }))}
            testId="chart-timeline"
          />
        </section>
        <section className="card">
          <h2>
            Label distribution per annotator <span className="muted">(marker: team share)</span>
          </h2>
          {r.per_annotator.map((a) => (
            <BarChart
              key={a.id}
              title={a.id}
              compareLabel="team share"
              bars={[HATEFUL, ...PC_LABELS].map((l) => ({
                label: labelTitle(l),
                value: a.label_counts[l] ?? 0,
                compare: teamTotal ? ((d.distribution.team[l] ?? 0) / teamTotal) * a.items_done : 0,
              }))}
            />
          ))}
        </section>
      </div>
      {footer}
    </div>
  );
}
