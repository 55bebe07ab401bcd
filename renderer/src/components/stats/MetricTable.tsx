import type { NominalAgreement } from '../../../../shared/agreement';
import { alphaBand, bandOn, kappaBand, raterPhrase, tooFew, type Band } from '../../../../shared/dashboard';
import { plural } from '../../../../shared/text';

type StatProps = {
  value: number | null;
  /** The band the value would have; dropped when `items` is too few to judge. */
  band: Band | null;
  /** Items the figure was computed on. */
  items: number;
  flatKey: string;
  /** What the figure is, for its tooltip ("Fleiss κ on race"). */
  what: string;
  percent?: boolean;
  /** Show "n = …" under the value (where no header gives the count). */
  showItems?: boolean;
};

function formatted(value: number, percent?: boolean): string {
  return percent ? `${(100 * value).toFixed(1)}%` : value.toFixed(3);
}

/**
 * One figure, coloured by its band, or grey with the reason when computed on too few items;
 * `data-value` carries the exact number and `data-items` the count for tests.
 */
export function Stat({ value, band, items, flatKey, what, percent, showItems }: StatProps) {
  const few = tooFew(items);
  const shown = value === null ? null : bandOn(band, items);
  const level = value === null ? 'na' : few ? 'few' : (shown?.level ?? 'plain');
  const text = value === null ? '—' : formatted(value, percent);
  const title =
    value === null
      ? `${what}: ${few ?? 'no value'}`
      : `${what} = ${text} on ${plural(items, 'meme')}${shown ? `: ${shown.label}` : few ? `: ${few}` : ''}`;
  return (
    <td
      className={`stat level-${level}`}
      title={title}
      data-testid={`stat-${flatKey}`}
      data-value={value ?? ''}
      data-items={items}
      data-too-few={few && value !== null ? 'true' : undefined}
    >
      {text}
      {few && value !== null && <span className="stat-few">too few</span>}
      {showItems && <span className="stat-n">n = {items.toLocaleString()}</span>}
    </td>
  );
}

/** A figure inside running text (α MASI in a heading): the same colours, count and reason. */
export function InlineStat({ value, band, items, flatKey, what }: Omit<StatProps, 'percent' | 'showItems'>) {
  const few = tooFew(items);
  const shown = value === null ? null : bandOn(band, items);
  const level = value === null ? 'na' : few ? 'few' : (shown?.level ?? 'plain');
  const text = value === null ? '—' : value.toFixed(3);
  return (
    <span
      className={`stat inline level-${level}`}
      title={`${what} on ${plural(items, 'meme')}${shown ? `: ${shown.label}` : few ? `: ${few}` : ''}`}
      data-testid={`stat-${flatKey}`}
      data-value={value ?? ''}
      data-items={items}
      data-too-few={few && value !== null ? 'true' : undefined}
    >
      {text}
      {few && value !== null && <span className="stat-few"> too few</span>}
    </span>
  );
}

export function MetricRow({ name, a, prefix }: { name: string; a: NominalAgreement; prefix: string }) {
  const full = a.items_full_overlap;
  return (
    <tr>
      <th scope="row">{name}</th>
      <Stat
        value={a.fleiss_kappa}
        band={kappaBand(a.fleiss_kappa)}
        items={full}
        flatKey={`${prefix}.fleiss_kappa`}
        what={`Fleiss κ, ${name}`}
      />
      <Stat
        value={a.krippendorff_alpha}
        band={alphaBand(a.krippendorff_alpha)}
        items={a.items_two_or_more}
        flatKey={`${prefix}.krippendorff_alpha`}
        what={`Krippendorff α, ${name}`}
      />
      <Stat
        value={a.mean_pairwise_cohen_kappa}
        band={kappaBand(a.mean_pairwise_cohen_kappa)}
        items={full}
        flatKey={`${prefix}.mean_pairwise_cohen_kappa`}
        what={`mean Cohen κ, ${name}`}
      />
      <Stat
        value={a.percent_agreement}
        band={null}
        items={full}
        flatKey={`${prefix}.percent_agreement`}
        what={`agreement, ${name}`}
        percent
      />
    </tr>
  );
}

type MetricTableProps = {
  rows: { name: string; a: NominalAgreement; prefix: string }[];
  /** Raters an item needs to count as fully overlapping. */
  raters: number;
  /** Items every row is computed on (the rows of one table share them). */
  full: number;
  two: number;
  testId: string;
};

/** Four coefficients per row; the header says on how many items each column is computed. */
export function MetricTable({ rows, raters, full, two, testId }: MetricTableProps) {
  const fewFull = tooFew(full);
  const fewTwo = tooFew(two);
  const grey = [fewFull && `κ and agreement: ${fewFull}`, fewTwo && `α: ${fewTwo}`]
    .filter(Boolean)
    .join('; ');
  const n = (items: number, how: string) => (
    <span className="stat-n" title={how}>
      n = {items.toLocaleString()}
    </span>
  );
  const fullHow = `memes rated by ${raterPhrase(raters)}`;
  const twoHow = 'memes with two or more ratings';
  return (
    <>
      <table className="metrics" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">label</span>
            </th>
            <th scope="col">Fleiss κ {n(full, fullHow)}</th>
            <th scope="col">Krippendorff α {n(two, twoHow)}</th>
            <th scope="col">mean Cohen κ {n(full, fullHow)}</th>
            <th scope="col">agreement {n(full, fullHow)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <MetricRow key={r.prefix} {...r} />
          ))}
        </tbody>
      </table>
      <p className="table-note" data-testid={`${testId}-items`}>
        κ and agreement on {full.toLocaleString()} {fullHow}; α on {two.toLocaleString()} {twoHow}.
        {grey && <span className="few-note"> Grey, {grey}.</span>}
      </p>
    </>
  );
}
