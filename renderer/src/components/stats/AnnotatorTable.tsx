import { FAST_LABEL_SECONDS, type AnnotatorFigures } from '../../../../shared/agreement';
import { MIN_ITEMS } from '../../../../shared/dashboard';
import { Stat } from './MetricTable';

type AnnotatorTableProps = { annotators: AnnotatorFigures[] };

const FAST_HELP = `Labels saved less than ${FAST_LABEL_SECONDS} seconds after the meme was shown: too fast to have read it, a sign of clicking through. Out of the labels with a recorded time; red when more than a quarter.`;
const GOLD_HELP =
  "Each vote against the gold the meme would have without it: a lead's decision by someone else, else the other annotators' votes, else an imported gold label. Memes where no such gold exists (only this annotator voted, the others tie) do not count.";

/** Per annotator: how much, how close to gold, how fast; every figure with its count. */
export function AnnotatorTable({ annotators }: AnnotatorTableProps) {
  return (
    <>
      <table className="annotators" data-testid="annotator-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">annotator</span>
            </th>
            <th scope="col">memes</th>
            <th scope="col" title={GOLD_HELP} aria-describedby="annotator-legend-gold">
              agree w/ gold
            </th>
            <th scope="col">median time</th>
            <th scope="col" title={FAST_HELP} aria-describedby="annotator-legend-fast">
              &lt; {FAST_LABEL_SECONDS} s <span aria-hidden="true">ⓘ</span>
            </th>
            <th scope="col">hateful</th>
          </tr>
        </thead>
        <tbody>
          {annotators.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.id}</th>
              <td>{a.items_done.toLocaleString()}</td>
              {a.hate_counted ? (
                <Stat
                  value={a.gold_agreement}
                  band={null}
                  items={a.gold_items}
                  flatKey={`annotator.${a.id}.gold_agreement`}
                  what={`${a.id}: agreement with gold`}
                  percent
                  showItems
                />
              ) : (
                <td className="stat level-na" title="hate votes of an imported slot are not counted">
                  not counted
                </td>
              )}
              <td title={`median over ${a.timed_labels} labels with a recorded time`}>
                {a.median_seconds === null ? '—' : `${a.median_seconds.toFixed(1)} s`}
                <span className="stat-n">n = {a.timed_labels.toLocaleString()}</span>
              </td>
              <td
                className={a.fast_labels > a.timed_labels / 4 ? 'warn' : ''}
                data-testid={`fast-${a.id}`}
                title={FAST_HELP}
              >
                {a.fast_labels.toLocaleString()}
                <span className="stat-n">of {a.timed_labels.toLocaleString()}</span>
              </td>
              <td>
                {a.hate_counted && a.items_done ? `${((100 * a.hateful) / a.items_done).toFixed(0)}%` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="legend table-legend" data-testid="annotator-legend">
        <dt>agree w/ gold</dt>
        <dd id="annotator-legend-gold">
          {GOLD_HELP} Grey on fewer than {MIN_ITEMS} memes: too few to judge.
        </dd>
        <dt>&lt; {FAST_LABEL_SECONDS} s</dt>
        <dd id="annotator-legend-fast">{FAST_HELP}</dd>
        <dt>n</dt>
        <dd>the number of memes a figure is computed on.</dd>
        {annotators.some((a) => !a.hate_counted) && (
          <>
            <dt>not counted</dt>
            <dd>
              imported annotators whose labels exist only for memes with hateful gold (the FGHM release):
              their hate votes say nothing about agreement.
            </dd>
          </>
        )}
      </dl>
    </>
  );
}
