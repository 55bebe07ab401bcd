import type { AnnotatorFigures } from '../../../../shared/agreement';
import { tooFew, type LabelShares } from '../../../../shared/dashboard';
import { labelTitle } from '../../../../shared/taxonomy';
import { BarChart } from '../Charts';
import { plural } from '../../../../shared/text';

type LabelShareChartsProps = { shares: LabelShares; annotators: AnnotatorFigures[] };

const percent = (v: number): string => `${(100 * v).toFixed(0)}%`;

/**
 * Each annotator's share of memes per label, every chart on the same scale (the largest share of
 * anyone), with the team's share as a marker.
 */
export function LabelShareCharts({ shares, annotators }: LabelShareChartsProps) {
  return (
    <div data-testid="share-charts" data-scale={shares.max}>
      <p className="table-note">
        Bars: share of the annotator&apos;s own memes; marker: the team&apos;s share. One scale for every
        annotator, 0 to {percent(shares.max)}.
      </p>
      {annotators.map((a) => {
        const row = shares.byAnnotator[a.id] ?? {};
        const few = tooFew(a.items_done);
        return (
          <BarChart
            key={a.id}
            title={`${a.id} · ${plural(a.items_done, 'meme')}${few ? ` (${few})` : ''}`}
            compareLabel="team share"
            max={shares.max}
            format={percent}
            greyed={!!few}
            testId={`shares-${a.id}`}
            bars={shares.labels
              .filter((l) => row[l] !== null && row[l] !== undefined)
              .map((l) => ({
                label: labelTitle(l),
                value: row[l] as number,
                ...(shares.team[l] !== null ? { compare: shares.team[l] as number } : {}),
              }))}
          />
        );
      })}
    </div>
  );
}
