// What each key does on the label screen, as handlers for the keymap (renderer/src/hotkeys.ts).
import { useCallback, useMemo, type RefObject } from 'react';
import {
  ATTACK_LABELS,
  HATEFUL,
  NOT_HATEFUL,
  PC_LABELS,
  type Hate,
  type Task,
} from '../../../shared/taxonomy';
import { messageOf } from '../api';
import type { Handlers } from '../hotkeys';
import { emptyDraft, isIncomplete, toggleLabel, withHate, type Draft } from '../model';
import type { LabelSession } from './useLabelSession';

export const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
const PAN = 0.2;
/** On a broken image nothing can be labeled: these keys still work. */
const BROKEN_KEYS = ['skip', 'back', 'undo', 'reportBroken', 'skipDistressing', 'search', 'help'] as const;

export type LabelDialog = null | 'help' | 'note' | 'confirm' | 'search';

interface LabelKeysInput {
  s: LabelSession;
  broken: boolean;
  scrollRef: RefObject<HTMLDivElement | null>;
  setDialog: (fn: (d: LabelDialog) => LabelDialog) => void;
  setHint: (text: string) => void;
  setZoom: (fn: (z: number) => number) => void;
  toggleReveal: () => void;
}

export function useLabelKeys({
  s,
  broken,
  scrollRef,
  setDialog,
  setHint,
  setZoom,
  toggleReveal,
}: LabelKeysInput) {
  const { setDraft, save } = s;
  // Handlers read the session's latest view (s.now()): two keys within one frame act in order.
  // Reads the frame only when a pan key is pressed, never while rendering.
  const panBy = useCallback(
    (dx: number, dy: number) => {
      const el = scrollRef.current;
      el?.scrollBy({ left: dx * el.clientWidth * PAN, top: dy * el.clientHeight * PAN });
    },
    [scrollRef],
  );
  return useMemo(() => {
    const setHate = (hate: Hate, e?: KeyboardEvent): void => {
      // Not hateful clears categories and attacks and moves on at once: one key per meme.
      if (hate === NOT_HATEFUL) save(withHate(s.now().draft, hate), { startedAt: e?.timeStamp });
      else setDraft((d: Draft) => withHate(d, hate));
    };
    const submit = (e?: KeyboardEvent): void => {
      const { current, draft } = s.now();
      if (!current) return;
      if (draft.hate === null && !draft.flag && !draft.note) {
        setHint('Choose N (not hateful) or H (hateful) first.');
        return;
      }
      if (isIncomplete(draft)) {
        setDialog(() => 'confirm');
        return;
      }
      save(draft, { startedAt: e?.timeStamp });
    };
    const h: Handlers = {
      notHateful: (e) => setHate(NOT_HATEFUL, e),
      hateful: () => setHate(HATEFUL),
      submit,
      flag: () => setDraft((d) => ({ ...d, flag: !d.flag })),
      note: () => setDialog(() => 'note'),
      undo: () => void s.undo().catch((err: unknown) => s.setError(messageOf(err))),
      back: () => s.back(),
      skip: (e) => s.next(e?.timeStamp),
      skipDistressing: (e) => save(emptyDraft(), { skip: 'distressing', startedAt: e?.timeStamp }),
      reportBroken: (e) => s.now().current && save(emptyDraft(), { skip: 'broken', startedAt: e?.timeStamp }),
      search: () => setDialog(() => 'search'),
      reveal: toggleReveal,
      zoomIn: () => setZoom((z) => ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(z) + 1)]),
      zoomOut: () => setZoom((z) => ZOOMS[Math.max(0, ZOOMS.indexOf(z) - 1)]),
      zoomReset: () => setZoom(() => 1),
      panLeft: () => panBy(-1, 0),
      panRight: () => panBy(1, 0),
      panUp: () => panBy(0, -1),
      panDown: () => panBy(0, 1),
      help: () => setDialog((d) => (d === 'help' ? null : 'help')),
    };
    for (const l of PC_LABELS) h[`pc:${l}`] = () => setDraft((d) => toggleLabel(d, 'pc' as Task, l));
    for (const l of ATTACK_LABELS)
      h[`attack:${l}`] = () => setDraft((d) => toggleLabel(d, 'attack' as Task, l));
    // A broken image cannot be labeled: only moving on, reporting it and the help still work.
    if (!broken) return h;
    const kept: Handlers = {};
    for (const k of BROKEN_KEYS) kept[k] = h[k];
    return kept;
  }, [s, setDraft, save, broken, panBy, setDialog, setHint, setZoom, toggleReveal]);
}
