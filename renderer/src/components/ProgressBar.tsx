import { formatCount } from '../numbers';

type ProgressBarProps = { label: string; done: number; total: number; testId?: string };

export function ProgressBar({ label, done, total, testId }: ProgressBarProps) {
  const pct = total > 0 ? Math.min(100, (100 * done) / total) : 0;
  return (
    <div className="progress" data-testid={testId} title={`${done} of ${total}`}>
      <span className="progress-label">
        {label} <strong>{formatCount(done)}</strong> / {formatCount(total)}
      </span>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuetext={`${formatCount(done)} of ${formatCount(total)}`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
