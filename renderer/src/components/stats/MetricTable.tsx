import type { NominalAgreement } from '../../../../shared/agreement';
import { alphaBand, kappaBand, type Band } from '../../../../shared/dashboard';

/** One figure, coloured by its band; `data-value` carries the exact number for tests. */
export function Stat({
  value,
  band,
  flatKey,
  percent,
}: {
  value: number | null;
  band: Band | null;
  flatKey: string;
  percent?: boolean;
}) {
  return (
    <td
      className={`stat level-${band?.level ?? 'na'}`}
      title={band?.label ?? 'not enough data'}
      data-testid={`stat-${flatKey}`}
      data-value={value ?? ''}
    >
      {value === null ? '—' : percent ? `${(100 * value).toFixed(1)}%` : value.toFixed(3)}
    </td>
  );
}

export function MetricRow({ name, a, prefix }: { name: string; a: NominalAgreement; prefix: string }) {
  return (
    <tr>
      <th>{name}</th>
      <Stat value={a.fleiss_kappa} band={kappaBand(a.fleiss_kappa)} flatKey={`${prefix}.fleiss_kappa`} />
      <Stat
        value={a.krippendorff_alpha}
        band={alphaBand(a.krippendorff_alpha)}
        flatKey={`${prefix}.krippendorff_alpha`}
      />
      <Stat
        value={a.mean_pairwise_cohen_kappa}
        band={kappaBand(a.mean_pairwise_cohen_kappa)}
        flatKey={`${prefix}.mean_pairwise_cohen_kappa`}
      />
      <Stat value={a.percent_agreement} band={null} flatKey={`${prefix}.percent_agreement`} percent />
    </tr>
  );
}

export const METRIC_HEAD = (
  <tr>
    <th />
    <th>Fleiss κ</th>
    <th>Krippendorff α</th>
    <th>mean Cohen κ</th>
    <th>agreement</th>
  </tr>
);
