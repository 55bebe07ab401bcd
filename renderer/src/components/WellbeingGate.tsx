import type { Wellbeing } from '../labeling/useWellbeing';
import { BreakReminder } from './BreakReminder';
import { ConfirmDialog } from './Modal';

type WellbeingGateProps = { wb: Wellbeing; cap: number; onStop: () => void };

/** Break reminders and the session cap, over the labeling screen. */
export function WellbeingGate({ wb, cap, onStop }: WellbeingGateProps) {
  if (wb.capReached)
    return (
      <ConfirmDialog
        testId="session-cap"
        title="Session cap reached"
        message={
          <p>
            You set a cap of {cap} memes per session and have labeled {wb.labeled} ({wb.hateful} hateful).
            Stopping here is a good idea; your work is saved.
          </p>
        }
        confirm="Continue anyway"
        cancel="Stop here"
        onConfirm={wb.continuePastCap}
        onCancel={onStop}
      />
    );
  if (wb.breakDue)
    return (
      <BreakReminder minutes={wb.minutes} labeled={wb.labeled} hateful={wb.hateful} onContinue={wb.snooze} />
    );
  return null;
}
