import type { ScoreReport } from '../../../shared/scorer';
import { SCORE_TASKS } from '../../../shared/scorer';
import { plural } from '../../../shared/text';

const fmt = (x: number | null): string => (x === null ? '—' : x.toFixed(4));

/** Micro F1 and ROC AUC per task, and per label on demand. */
export function ScoreReportView({ report }: { report: ScoreReport }) {
  return (
    <section className="card" data-testid="score-report">
      <p>
        {plural(report.items, 'prediction')} joined to gold; {report.unmatched.toLocaleString()} without gold
        {report.duplicateIds.length
          ? `; ${report.duplicateIds.length} ids predicted more than once (each scored, as the official scorer does)`
          : ''}
        .
      </p>
      <table className="metrics">
        <thead>
          <tr>
            <th />
            <th>F1 (micro)</th>
            <th>ROC AUC (micro)</th>
          </tr>
        </thead>
        <tbody>
          {SCORE_TASKS.map((t) => (
            <tr key={t}>
              <th>{t}</th>
              <td data-testid={`score-${t}-f1`}>{fmt(report[t].f1_micro)}</td>
              <td data-testid={`score-${t}-auc`}>{fmt(report[t].roc_auc_micro)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {SCORE_TASKS.map((t) => (
        <details key={t}>
          <summary>{t}: per label</summary>
          <table className="metrics">
            <thead>
              <tr>
                <th />
                <th>F1</th>
                <th>ROC AUC</th>
                <th>support</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(report[t].per_label).map(([l, s]) => (
                <tr key={l}>
                  <th>{l}</th>
                  <td>{fmt(s.f1)}</td>
                  <td>{fmt(s.roc_auc)}</td>
                  <td>{s.support}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}
