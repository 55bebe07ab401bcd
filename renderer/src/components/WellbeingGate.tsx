import type { Wellbeing } from '../labeling/useWellbeing';
import { plural } from '../../../shared/text';
import { BreakReminder } from './BreakReminder';
import { ConfirmDialog } from './Modal';

type WellbeingGateProps = { wb: Wellbeing; cap: number; onStop: () => void };

/**
 * Break reminders and the session cap, over the labeling screen. The cap starts on "Stop here":
 * the keys of a habitual answer (H 1 Y Enter) stop, they never carry on past the cap; labeling
 * keys do nothing while it is up (the label screen turns them off), only Enter or Space on a
 * focused button, or Esc (stop).
 */
export function WellbeingGate({ wb, cap, onStop }: WellbeingGateProps) {
  if (wb.capReached)
    return (
      <ConfirmDialog
        testId="session-cap"
        title="Session cap reached"
        message={
          <p>
            You set a cap of {plural(cap, 'meme')} per session and have labeled{' '}
            <span data-testid="session-cap-labeled">{wb.labeled}</span> ({wb.hateful} hateful). Stopping here
            is a good idea; your work is saved.
          </p>
        }
        confirm="Continue anyway"
        cancel="Stop here"
        onConfirm={wb.continuePastCap}
        onCancel={onStop}
        focus="cancel"
      />
    );
  if (wb.breakDue)
    return (
      <BreakReminder minutes={wb.minutes} labeled={wb.labeled} hateful={wb.hateful} onContinue={wb.snooze} />
    );
  return null;
}
