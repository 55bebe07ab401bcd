import type { ReactNode } from 'react';
import type { Query } from '../data/useQuery';
import { ErrorBanner } from './ErrorBanner';

type QueryStateProps<T> = {
  query: Pick<Query<T>, 'data' | 'error'>;
  /** What to say until the first answer arrives. */
  loading: string;
  children: (data: T) => ReactNode;
};

/** A query's error banner, its first-load message, then its data (kept while a refresh runs). */
export function QueryState<T>({ query, loading, children }: QueryStateProps<T>) {
  return (
    <>
      <ErrorBanner message={query.error} />
      {query.data !== null ? children(query.data) : !query.error && <div className="loading">{loading}</div>}
    </>
  );
}
