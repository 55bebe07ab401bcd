import { FAST_LABEL_SECONDS } from '../../../shared/agreement';
import { ErrorBanner } from '../components/ErrorBanner';
import { useQuery } from '../data/useQuery';
import { noun, plural } from '../../../shared/text';

/**
 * An annotator's own figures, and nobody else's: annotators label blind, so colleagues' labels,
 * agreement with them and the gold (which their votes make) are the lead's screens only.
 */
export function MyFiguresScreen() {
  const q = useQuery('annotator:figures', undefined, { refreshOn: ['project:changed'] });
  const f = q.data;
  return (
    <div className="stats" data-testid="my-figures">
      <h2>My figures</h2>
      <ErrorBanner message={q.error} />
      {!q.loading && !f && !q.error && <p className="muted">No labels of yours in this project yet.</p>}
      {f && (
        <div className="cards">
          <div className="card small">
            <strong data-testid="my-done">{f.items_done.toLocaleString()}</strong>{' '}
            {noun(f.items_done, 'meme')} labeled
          </div>
          <div className="card small">
            <strong>{f.items_done ? `${Math.round((100 * f.hateful) / f.items_done)}%` : '—'}</strong> of them
            hateful
          </div>
          <div className="card small">
            <strong>{f.median_seconds === null ? '—' : `${f.median_seconds.toFixed(1)} s`}</strong> median
            time per meme <span className="muted">(of {plural(f.timed_labels, 'timed label')})</span>
          </div>
          <div
            className="card small"
            title={`Labels saved less than ${FAST_LABEL_SECONDS} s after the meme appeared`}
          >
            <strong>{f.fast_labels.toLocaleString()}</strong> {noun(f.fast_labels, 'label')} saved in under{' '}
            {FAST_LABEL_SECONDS} s
          </div>
        </div>
      )}
      <p className="muted">
        You see only your own work here. Agreement between annotators and with the gold is for the
        project&apos;s lead, so that nobody&apos;s labels lean on anyone else&apos;s.
      </p>
    </div>
  );
}
