import type { KnownStats } from '../../../../shared/api';

type KnownAccuracyProps = { stats: KnownStats };

const pct = (x: number, n: number): string => (n ? `${((100 * x) / n).toFixed(0)}%` : '—');

/** Each annotator's answers on the hidden known-answer memes: overall and day by day. */
export function KnownAccuracy({ stats }: KnownAccuracyProps) {
  return (
    <section className="card" data-testid="known-accuracy">
      <h2>
        Known-answer memes <span className="muted">({stats.items.toLocaleString()} hidden tests)</span>
      </h2>
      {stats.annotators.length === 0 ? (
        <p className="muted">No annotator has met a known-answer meme yet.</p>
      ) : (
        <table className="metrics">
          <thead>
            <tr>
              <th>annotator</th>
              <th>answered</th>
              <th>hate right</th>
              <th>all labels right</th>
              <th>by day (hate right)</th>
            </tr>
          </thead>
          <tbody>
            {stats.annotators.map((a) => (
              <tr key={a.id} data-testid={`known-${a.id}`}>
                <th>{a.id}</th>
                <td>{a.answered}</td>
                <td>{pct(a.hateCorrect, a.answered)}</td>
                <td>{pct(a.exact, a.answered)}</td>
                <td>
                  {a.byDay
                    .map((d) => `${d.day}: ${pct(d.hateCorrect, d.answered)} of ${d.answered}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
