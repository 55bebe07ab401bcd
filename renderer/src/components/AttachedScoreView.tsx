import type { AttachedScore } from '../../../shared/api';
import { SCORE_TASKS } from '../../../shared/scorer';
import { plural } from '../../../shared/text';

type AttachedScoreViewProps = { data: AttachedScore };

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(4));
const share = (x: { n: number; agree: number }): string =>
  x.n ? `${((100 * x.agree) / x.n).toFixed(1)}% of ${x.n}` : '—';

/**
 * The attached predictions against the current gold, overall and per split (recomputed as labels
 * and decisions arrive), and how often each annotator's hate answer matched the model with and
 * without its suggestion on screen.
 */
export function AttachedScoreView({ data }: AttachedScoreViewProps) {
  const rows = [{ split: 'all memes', report: data.all }, ...data.splits];
  return (
    <section className="card" data-testid="attached-score">
      <h2>Attached predictions, live</h2>
      <p className="muted">
        {plural(data.predictions, 'prediction')}, scored against the gold as it is now on the ready memes
        (those a default export writes; memes still waiting for votes are left out).
      </p>
      <table className="metrics">
        <thead>
          <tr>
            <th>split</th>
            <th>memes</th>
            {SCORE_TASKS.map((t) => (
              <th key={t} colSpan={2}>
                {t} F1 · AUC
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.split} data-testid={`attached-${r.split}`}>
              <th>{r.split}</th>
              <td>{r.report?.items.toLocaleString() ?? 0}</td>
              {SCORE_TASKS.map((t) => [
                <td key={`${t}f`} data-testid={`attached-${r.split}-${t}-f1`}>
                  {fmt(r.report?.[t].f1_micro)}
                </td>,
                <td key={`${t}a`}>{fmt(r.report?.[t].roc_auc_micro)}</td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
      {data.annotators.length > 0 && (
        <>
          <h3>Agreement with the model on hate</h3>
          <table className="metrics" data-testid="model-agreement">
            <thead>
              <tr>
                <th>annotator</th>
                <th>suggestion on screen</th>
                <th>no suggestion</th>
              </tr>
            </thead>
            <tbody>
              {data.annotators.map((a) => (
                <tr key={a.id}>
                  <th>{a.id}</th>
                  <td>{share(a.shown)}</td>
                  <td>{share(a.notShown)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            A higher match with the suggestion on screen than without it is the suggestion&apos;s pull on
            people; the agreement dashboard counts people&apos;s votes either way, and every line records
            whether a suggestion was shown.
          </p>
        </>
      )}
    </section>
  );
}
