import type { ReactNode } from 'react';
import type { Dashboard } from '../../../../shared/dashboard';
import { MIN_ITEMS, alphaBand, timelineNote } from '../../../../shared/dashboard';
import { ATTACK_LABELS, PC_LABELS, TASKS, labelTitle } from '../../../../shared/taxonomy';
import { BarChart, LineChart } from '../Charts';
import { AnnotatorTable } from './AnnotatorTable';
import { LabelShareCharts } from './LabelShareCharts';
import { InlineStat, MetricTable } from './MetricTable';
import { PairHeatmap } from './PairHeatmap';
import { noun, plural } from '../../../../shared/text';

type DashboardViewProps = {
  d: Dashboard;
  /** Shown last, inside the dashboard (the report export buttons). */
  footer?: ReactNode;
};

/** Agreement at a glance, with the figures `memejury stats --json` prints and what each is on. */
export function DashboardView({ d, footer }: DashboardViewProps) {
  const r = d.report;
  // The heat map's annotators: those with votes whose hate votes count.
  const counted = r.per_annotator.filter((a) => a.hate_counted).map((a) => a.id);
  return (
    <div className="stats" data-testid="dashboard">
      <div className="cards">
        <div className="card small">
          <strong>{r.items.toLocaleString()}</strong> {noun(r.items, 'meme')}
        </div>
        <div className="card small">
          <strong>{r.voters.length}</strong> {noun(r.voters.length, 'annotator')} with votes
        </div>
        <div className="card small" data-testid="gold-so-far">
          <strong>{d.gold.hateful.toLocaleString()}</strong> hateful ·{' '}
          <strong>{d.gold.notHateful.toLocaleString()}</strong> not{' '}
          {/* The export counts fewer by default: it leaves out memes still waiting for votes. */}
          <span className="muted">so far, with memes still waiting for votes</span>
        </div>
        <div className="card small">
          <strong>{d.gold.unresolved.toLocaleString()}</strong> unresolved ·{' '}
          <strong>{d.gold.adjudicated.toLocaleString()}</strong> decided
          {d.gold.waiting > 0 && (
            <span className="muted" data-testid="gold-waiting">
              {' '}
              · {plural(d.gold.waiting, 'tie')} waiting for votes
            </span>
          )}
        </div>
        <div className="card small">
          policy <strong>{d.policy}</strong>
        </div>
      </div>
      <section className="card" aria-labelledby="hate-heading">
        <h2 id="hate-heading">
          Hateful or not{' '}
          <span className="muted" data-testid="hate-scope">
            ({plural(r.hate.items_two_or_more, 'meme')} with two or more counted votes)
          </span>
        </h2>
        {r.hate_excluded.length > 0 && (
          <p className="notice" data-testid="hate-excluded">
            Not counted: the hate votes of {r.hate_excluded.join(', ')}. These imported annotators have labels
            only for memes whose gold is hateful (the FGHM release keeps per-annotator labels only for hateful
            memes), so every one of their votes is &ldquo;hateful&rdquo; and says nothing about agreement on
            hate. Their categories and attacks count below.
          </p>
        )}
        <MetricTable
          rows={[{ name: 'hate', a: r.hate, prefix: 'hate' }]}
          raters={r.hate_full_overlap_raters}
          full={r.hate.items_full_overlap}
          two={r.hate.items_two_or_more}
          testId="metrics-hate"
        />
        {TASKS.map((t) => {
          const first = Object.values(r[t].labels)[0];
          return (
            <div key={t}>
              <h2>
                {t === 'pc' ? 'Protected categories' : 'Attack types'}{' '}
                <span className="muted">
                  ({plural(r[t].items, 'meme')} with hateful gold) · α MASI{' '}
                  <InlineStat
                    value={r[t].alpha_masi}
                    band={alphaBand(r[t].alpha_masi)}
                    items={r[t].items_two_or_more}
                    flatKey={`${t}.alpha_masi`}
                    what="Krippendorff α (MASI)"
                  />{' '}
                  on {r[t].items_two_or_more.toLocaleString()}
                </span>
              </h2>
              <MetricTable
                rows={Object.entries(r[t].labels).map(([l, a]) => ({
                  name: labelTitle(l),
                  a,
                  prefix: `${t}.${l}`,
                }))}
                raters={r.full_overlap_raters}
                full={first?.items_full_overlap ?? 0}
                two={first?.items_two_or_more ?? 0}
                testId={`metrics-${t}`}
              />
            </div>
          );
        })}
        <p className="legend">
          κ bands (Landis &amp; Koch): <span className="stat level-0">slight</span>{' '}
          <span className="stat level-1">fair</span> <span className="stat level-2">moderate</span>{' '}
          <span className="stat level-3">substantial</span>{' '}
          <span className="stat level-4">almost perfect</span>; α: ≥ .800 reliable, ≥ .667 tentative;{' '}
          <span className="stat level-few">grey</span>: on fewer than {MIN_ITEMS} memes, too few to judge. n:
          the memes a figure is computed on.
        </p>
      </section>
      <div className="stats-grid wide">
        <section className="card">
          <h2>
            Annotator pairs <span className="muted">(Cohen κ on hate)</span>
          </h2>
          <PairHeatmap annotators={counted} pairs={r.pairs} />
        </section>
        <section className="card">
          <h2>Annotators</h2>
          <AnnotatorTable annotators={r.per_annotator} />
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
            note={timelineNote(d.timeline)}
            testId="chart-timeline"
          />
        </section>
        <section className="card">
          <h2>Label shares per annotator</h2>
          <LabelShareCharts shares={d.shares} annotators={r.per_annotator} />
        </section>
      </div>
      {footer}
    </div>
  );
}
