import type { TombstoneView } from '../../../../shared/api';

/** The log of what was forgotten: when, why, who asked, who did it, and the hash kept. */
export function TombstoneTable({ tombstones }: { tombstones: readonly TombstoneView[] }) {
  return (
    <table className="metrics" data-testid="tombstones">
      <thead>
        <tr>
          <th>when</th>
          <th>what</th>
          <th>reason</th>
          <th>asked by</th>
          <th>done by</th>
          <th>hash</th>
        </tr>
      </thead>
      <tbody>
        {tombstones.map((t) => (
          <tr key={t.hash + t.at}>
            <td>{t.at.replace('T', ' ').slice(0, 19)}</td>
            <td>{t.scope}</td>
            <td>{t.reason}</td>
            <td>{t.requested_by}</td>
            <td>{t.by}</td>
            <td>
              <code>{t.hash}…</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
