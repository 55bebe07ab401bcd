import type { GuidelineVersions } from '../../../../shared/guidelines';
import { alphaBand } from '../../../../shared/dashboard';
import { Stat } from '../stats/MetricTable';

type GuidelineVersionsTableProps = {
  versions: GuidelineVersions;
  /** Offers to read a version's text (the lead's Guidelines screen). */
  onRead?: (version: string) => void;
};

const day = (t: string | null): string => (t ? t.slice(0, 10) : '—');

/**
 * Agreement split by guidelines version: per version the votes made under it, the memes they are
 * on, and hate α, categories α MASI and attacks α MASI on those votes alone, each with the memes
 * it is computed on (grey under 20, as everywhere on the dashboard).
 */
export function GuidelineVersionsTable({ versions, onRead }: GuidelineVersionsTableProps) {
  return (
    <table className="metrics guide-versions" data-testid="guideline-versions">
      <thead>
        <tr>
          <th scope="col">Guidelines version</th>
          <th scope="col">Votes</th>
          <th scope="col">Memes</th>
          <th scope="col">Labels made</th>
          <th scope="col">Hate α</th>
          <th scope="col">Categories α MASI</th>
          <th scope="col">Attacks α MASI</th>
          {onRead && (
            <th scope="col">
              <span className="sr-only">Text</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {versions.rows.map((r) => {
          const key = r.short ?? 'none';
          return (
            <tr key={key} data-testid={`guideline-version-${key}`}>
              <th scope="row">
                {r.short ? <code>{r.short}</code> : 'none recorded'}{' '}
                {r.current && <span className="badge">current</span>}{' '}
                {r.isDefault && <span className="badge">built-in</span>}{' '}
                {!r.current && r.version && r.votes > 0 && <span className="badge older">older</span>}
              </th>
              <td data-testid={`guideline-votes-${key}`}>{r.votes.toLocaleString()}</td>
              <td>{r.items.toLocaleString()}</td>
              <td>{r.first ? `${day(r.first)} – ${day(r.last)}` : '—'}</td>
              <Stat
                value={r.hate.alpha}
                band={alphaBand(r.hate.alpha)}
                items={r.hate.items}
                flatKey={`guidelines.${key}.hate.krippendorff_alpha`}
                what={`Krippendorff α on hate, votes under ${key}`}
                showItems
              />
              <Stat
                value={r.pc.alpha_masi}
                band={alphaBand(r.pc.alpha_masi)}
                items={r.pc.items}
                flatKey={`guidelines.${key}.pc.alpha_masi`}
                what={`Krippendorff α (MASI) on categories, votes under ${key}`}
                showItems
              />
              <Stat
                value={r.attack.alpha_masi}
                band={alphaBand(r.attack.alpha_masi)}
                items={r.attack.items}
                flatKey={`guidelines.${key}.attack.alpha_masi`}
                what={`Krippendorff α (MASI) on attacks, votes under ${key}`}
                showItems
              />
              {onRead && (
                <td>
                  {r.version && r.readable ? (
                    <button
                      type="button"
                      onClick={() => onRead(r.version as string)}
                      data-testid={`read-${key}`}
                    >
                      Read
                    </button>
                  ) : (
                    <span className="muted">{r.version ? 'text not kept' : ''}</span>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
