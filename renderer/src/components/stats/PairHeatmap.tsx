import type { PairAgreement } from '../../../../shared/agreement';
import { kappaBand } from '../../../../shared/dashboard';
import { Stat } from './MetricTable';

type PairHeatmapProps = {
  /** Annotators whose hate votes count, in report order. */
  annotators: string[];
  pairs: PairAgreement[];
};

/** Cohen's κ on hate for every pair, each with the number of memes both labeled. */
export function PairHeatmap({ annotators, pairs }: PairHeatmapProps) {
  if (annotators.length < 2)
    return (
      <p className="muted" data-testid="heatmap-empty">
        No pair of annotators with counted hate votes to compare.
      </p>
    );
  const pair = (a: string, b: string): PairAgreement | undefined =>
    pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  return (
    <table className="heatmap" data-testid="heatmap">
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">annotator</span>
          </th>
          {annotators.map((a) => (
            <th key={a} scope="col">
              {a}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {annotators.map((a) => (
          <tr key={a}>
            <th scope="row">{a}</th>
            {annotators.map((b) => {
              if (a === b)
                return (
                  <td key={b} className="diag" aria-label="same annotator">
                    ·
                  </td>
                );
              const p = pair(a, b);
              const k = p?.hate_cohen_kappa ?? null;
              return (
                <Stat
                  key={b}
                  value={k}
                  band={kappaBand(k)}
                  items={p?.items ?? 0}
                  flatKey={`pair.${a}.${b}.hate_cohen_kappa`}
                  what={`Cohen κ on hate, ${a} × ${b}`}
                  showItems
                />
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
