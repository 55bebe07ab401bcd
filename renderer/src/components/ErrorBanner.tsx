import type { ReactNode } from 'react';

type ErrorBannerProps = {
  /** Nothing is shown while this is null. */
  message: string | null | undefined;
  /** Shows a Dismiss button. */
  onDismiss?: () => void;
  testId?: string;
  children?: ReactNode;
};

/** The one way the renderer shows a failed call: a red banner read out by screen readers. */
export function ErrorBanner({ message, onDismiss, testId, children }: ErrorBannerProps) {
  if (!message) return null;
  return (
    <div className="banner error" role="alert" data-testid={testId}>
      {children}
      {message}
      {onDismiss && (
        <>
          {' '}
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
