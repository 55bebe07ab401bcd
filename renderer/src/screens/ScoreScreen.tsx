import { useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { ScoreReport } from '../../../shared/scorer';
import { SCORE_TASKS } from '../../../shared/scorer';
import { api } from '../api';

type ScoreScreenProps = { info: AppInfo };

const fmt = (x: number | null): string => (x === null ? '—' : x.toFixed(4));

/** Scores a predictions file (FGHM submission format) against the project's current gold. */
export function ScoreScreen({ info }: ScoreScreenProps) {
  const [path, setPath] = useState('');
  const [report, setReport] = useState<ScoreReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (): void => {
    setError(null);
    api()
      .score.run(info.dialogs && !path ? {} : { pred: path })
      .then((r) => r && setReport(r))
      .catch((e: Error) => setError(e.message));
  };
  return (
    <div className="score-screen">
      <section className="card">
        <h2>Score predictions</h2>
        <p className="muted">
          A JSON Lines file with <code>id</code>, <code>pred_hate</code>, <code>pred_pc</code>,{' '}
          <code>pred_attack</code> score dictionaries, scored as the task&apos;s official scorer does (micro
          F1 at 0.5, micro ROC AUC) against the current gold.
        </p>
        <div className="inline-form">
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder={info.dialogs ? 'leave empty to choose a file' : '/path/to/predictions.jsonl'}
            aria-label="Predictions file"
            data-testid="score-path"
          />
          <button type="button" className="primary" onClick={run} data-testid="score-run">
            Score
          </button>
        </div>
        {error && (
          <p className="banner error" data-testid="score-error">
            {error}
          </p>
        )}
      </section>
      {report && (
        <section className="card" data-testid="score-report">
          <p>
            {report.items.toLocaleString()} predictions joined to gold; {report.unmatched} without gold
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
      )}
    </div>
  );
}
