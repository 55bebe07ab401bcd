// Exposure care during a session: break reminders after a set time (with how many hateful memes
// were seen), and an optional cap on memes per session.
import { useCallback, useEffect, useState } from 'react';
import type { Preferences } from '../../../shared/settings';

export interface Wellbeing {
  labeled: number;
  hateful: number;
  minutes: number;
  breakDue: boolean;
  capReached: boolean;
  record: (hateful: boolean) => void;
  /** Dismiss the reminder: the next one comes a full interval later. */
  snooze: () => void;
  continuePastCap: () => void;
}

export function useWellbeing(prefs: Preferences): Wellbeing {
  const [startedAt] = useState(() => Date.now());
  const [lastBreak, setLastBreak] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [counts, setCounts] = useState({ labeled: 0, hateful: 0 });
  const [capFrom, setCapFrom] = useState(0);

  useEffect(() => {
    if (prefs.breakMinutes <= 0) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [prefs.breakMinutes]);

  const record = useCallback((hateful: boolean) => {
    setCounts((c) => ({ labeled: c.labeled + 1, hateful: c.hateful + (hateful ? 1 : 0) }));
  }, []);
  const snooze = useCallback(() => {
    setLastBreak(Date.now());
    setNow(Date.now());
  }, []);
  const continuePastCap = useCallback(() => setCapFrom(counts.labeled), [counts.labeled]);

  const breakDue = prefs.breakMinutes > 0 && now - lastBreak >= prefs.breakMinutes * 60_000;
  const capReached = prefs.sessionCap > 0 && counts.labeled - capFrom >= prefs.sessionCap;
  return {
    ...counts,
    minutes: Math.round((now - startedAt) / 60_000),
    breakDue,
    capReached,
    record,
    snooze,
    continuePastCap,
  };
}
