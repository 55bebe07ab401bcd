import { useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { ScoreReport } from '../../../shared/scorer';
import { api, messageOf } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { AttachedScoreView } from '../components/AttachedScoreView';
import { ScoreReportView } from '../components/ScoreReportView';
import { useQuery } from '../data/useQuery';

type ScoreScreenProps = { info: AppInfo };

/** Scores a predictions file (FGHM submission format) against the project's current gold. */
export function ScoreScreen({ info }: ScoreScreenProps) {
  const [path, setPath] = useState('');
  const [report, setReport] = useState<ScoreReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The predictions attached to the project, scored again whenever labels or decisions change.
  const attached = useQuery('predictions:score', undefined, { refreshOn: ['project:changed'] });
  const run = (): void => {
    setError(null);
    api()
      .score.run(info.dialogs ? {} : { pred: path.trim() })
      .then((r) => r && setReport(r))
      .catch((e: unknown) => setError(messageOf(e)));
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
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            run();
          }}
        >
          {!info.dialogs && (
            <input
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="predictions.jsonl"
              aria-label="Predictions file, relative to the project folder (or the folder given to serve --imports)"
              data-testid="score-path"
            />
          )}
          <button
            type="submit"
            className="primary"
            disabled={!info.dialogs && !path.trim()}
            data-testid="score-run"
          >
            {info.dialogs ? 'Choose predictions and score…' : 'Score'}
          </button>
        </form>
        <ErrorBanner message={error} testId="score-error" />
      </section>
      {report && <ScoreReportView report={report} />}
      <ErrorBanner message={attached.error} testId="attached-error" />
      {attached.data && attached.data.predictions > 0 && <AttachedScoreView data={attached.data} />}
    </div>
  );
}
