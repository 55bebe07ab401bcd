import { useEffect, useState } from 'react';
import { plural } from '../../../shared/text';
import { Modal } from './Modal';

type BreakReminderProps = {
  minutes: number;
  labeled: number;
  hateful: number;
  onContinue: () => void;
};

/** The break reminder: what the session has been, and a real pause with the images gone. */
export function BreakReminder({ minutes, labeled, hateful, onContinue }: BreakReminderProps) {
  const [pauseEnds, setPauseEnds] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (pauseEnds === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [pauseEnds]);
  const left = pauseEnds === null ? 0 : Math.max(0, Math.ceil((pauseEnds - now) / 1000));
  return (
    <Modal title="Time for a break" testId="break-reminder">
      <p>
        You have been labeling for {plural(minutes, 'minute')}: {plural(labeled, 'meme')},{' '}
        <strong data-testid="break-hateful">{hateful}</strong> of them hateful. Look away from the screen,
        stretch, get some water.
      </p>
      {pauseEnds !== null && (
        <p className="pause" data-testid="pause-countdown">
          {left > 0 ? `Break: ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : 'Break over.'}
        </p>
      )}
      <div className="modal-actions">
        {pauseEnds === null && (
          <button
            type="button"
            onClick={() => {
              setPauseEnds(Date.now() + 5 * 60_000);
              setNow(Date.now());
            }}
            data-testid="take-break"
          >
            Take a 5-minute break
          </button>
        )}
        <button
          type="button"
          className="primary"
          onClick={onContinue}
          disabled={left > 0}
          data-testid="break-continue"
        >
          Continue labeling
        </button>
      </div>
    </Modal>
  );
}
