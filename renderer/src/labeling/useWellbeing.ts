// Exposure care during a session: break reminders after a set time (with how many hateful memes
// were seen), and an optional cap on memes per session. It lives for the whole app session (App
// holds it), so leaving the label screen for another screen and coming back keeps the clock and
// the counts; another annotator or project starts a new session.
import { useCallback, useEffect, useState } from 'react';
import type { Preferences } from '../../../shared/settings';

export interface Wellbeing {
  labeled: number;
  hateful: number;
  /** Minutes of the session when the break reminder came due. */
  minutes: number;
  breakDue: boolean;
  capReached: boolean;
  /** The label screen is on: the session's clock starts at the first time (a no-op after). */
  begin: () => void;
  /** A label saved for `item`; each meme counts once per session (a relabel is the same work). */
  record: (item: string, hateful: boolean) => void;
  /** Dismiss the reminder: the next one comes a full interval later. */
  snooze: () => void;
  continuePastCap: () => void;
}

interface Session {
  key: string;
  /** When the label screen was first shown, and the last break (null: not begun). */
  clock: { startedAt: number; lastBreak: number } | null;
  /** When the break reminder came due (null: not due). */
  dueAt: number | null;
  labeled: number;
  hateful: number;
  counted: ReadonlySet<string>;
  capFrom: number;
}

const fresh = (key: string): Session => ({
  key,
  clock: null,
  dueAt: null,
  labeled: 0,
  hateful: 0,
  counted: new Set(),
  capFrom: 0,
});

type WellbeingPrefs = Pick<Preferences, 'breakMinutes' | 'sessionCap'>;

/** `key` names the session (annotator and project): a new key starts a new one. */
export function useWellbeing(prefs: WellbeingPrefs, key: string): Wellbeing {
  const [s, setS] = useState<Session>(() => fresh(key));
  if (s.key !== key) setS(fresh(key));
  const { breakMinutes, sessionCap } = prefs;

  // One timer for the next reminder (no re-render of the app every second while labeling).
  const lastBreak = s.clock?.lastBreak ?? null;
  useEffect(() => {
    if (breakMinutes <= 0 || lastBreak === null) return;
    const t = setTimeout(
      () => setS((x) => (x.clock?.lastBreak === lastBreak ? { ...x, dueAt: Date.now() } : x)),
      Math.max(0, lastBreak + breakMinutes * 60_000 - Date.now()),
    );
    return () => clearTimeout(t);
  }, [breakMinutes, lastBreak]);

  const begin = useCallback(
    () =>
      setS((x) => {
        if (x.clock) return x;
        const now = Date.now();
        return { ...x, clock: { startedAt: now, lastBreak: now } };
      }),
    [],
  );
  const record = useCallback((item: string, hateful: boolean) => {
    setS((x) =>
      x.counted.has(item)
        ? x
        : {
            ...x,
            labeled: x.labeled + 1,
            hateful: x.hateful + (hateful ? 1 : 0),
            counted: new Set(x.counted).add(item),
          },
    );
  }, []);
  const snooze = useCallback(
    () => setS((x) => (x.clock ? { ...x, dueAt: null, clock: { ...x.clock, lastBreak: Date.now() } } : x)),
    [],
  );
  const continuePastCap = useCallback(() => setS((x) => ({ ...x, capFrom: x.labeled })), []);

  const breakDue = breakMinutes > 0 && s.dueAt !== null;
  const capReached = sessionCap > 0 && s.labeled - s.capFrom >= sessionCap;
  return {
    labeled: s.labeled,
    hateful: s.hateful,
    minutes: s.dueAt !== null && s.clock ? Math.round((s.dueAt - s.clock.startedAt) / 60_000) : 0,
    breakDue,
    capReached,
    begin,
    record,
    snooze,
    continuePastCap,
  };
}
