import type { ForgetSummary } from '../../../../shared/api';

/** Which files forgetting rewrote or deleted, and which it left to the annotators' running apps. */
export function ForgetResult({ forgot }: { forgot: ForgetSummary }) {
  return (
    <p className="banner ok" data-testid="forget-result">
      Forgotten. Rewritten: {forgot.rewritten.join(', ') || 'none'}. Deleted:{' '}
      {forgot.deleted.join(', ') || 'none'}.
      {forgot.deferred.length > 0 &&
        ` Left to their running apps, which purge on seeing the tombstone: ${forgot.deferred.join(', ')}.`}
    </p>
  );
}
