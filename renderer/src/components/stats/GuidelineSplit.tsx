import { useQuery } from '../../data/useQuery';
import { GuidelineVersionsTable } from '../guide/GuidelineVersionsTable';
import { QueryState } from '../QueryState';
import { noun } from '../../../../shared/text';

/** The dashboard's agreement by guidelines version: did the team agree better after a change? */
export function GuidelineSplit() {
  const versions = useQuery('guidelines:versions', {}, { refreshOn: ['project:changed'] });
  return (
    <section className="card" aria-labelledby="guide-split-heading" data-testid="guideline-split">
      <h2 id="guide-split-heading">
        Agreement by guidelines version{' '}
        <span className="muted">(each version on the votes made under it alone)</span>
      </h2>
      <QueryState query={versions} loading="Computing agreement per version…">
        {(v) => (
          <>
            <p data-testid="split-older-count">
              <strong>{v.older.toLocaleString()}</strong> current {v.older === 1 ? 'vote was' : 'votes were'}{' '}
              made under an older version than the current one (<code>{v.short}</code>)
              {v.unrecorded > 0 &&
                `; ${v.unrecorded.toLocaleString()} ${noun(v.unrecorded, 'records', 'record')} no version (imported, or made before versioning)`}
              .
            </p>
            <GuidelineVersionsTable versions={v} />
          </>
        )}
      </QueryState>
    </section>
  );
}
