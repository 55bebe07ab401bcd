import type { ForgetSummary } from '../../../../shared/api';

/** Which files forgetting rewrote or deleted, and which it left to the annotators' running apps. */
export function ForgetResult({ forgot }: { forgot: ForgetSummary }) {
  return (
    // It takes the focus once the meme is gone (its form with it): tabIndex -1, read as a status.
    <p className="banner ok" role="status" tabIndex={-1} data-testid="forget-result">
      Forgotten. Rewritten: {forgot.rewritten.join(', ') || 'none'}. Deleted:{' '}
      {forgot.deleted.join(', ') || 'none'}.
      {forgot.deferred.length > 0 &&
        ` Left to their running apps, which purge on seeing the tombstone: ${forgot.deferred.join(', ')}.`}
    </p>
  );
}
