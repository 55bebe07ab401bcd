// Every keyboard shortcut of the app, in one place. The help overlay (`?`) is generated from
// each screen's list of actions here, so what it shows is exactly what works on that screen.
// Hotkeys act only while the focus is on the page itself or on the meme: a focused button, field,
// list row or link gets its own Enter and Space (and letters), so a key never does something
// other than what the focused control shows.
import { useEffect } from 'react';
import { useHotkeys } from 'react-hotkeys-hook';
import { ATTACK_LABELS, LABEL_KEYS, PC_LABELS, labelTitle } from '../../shared/taxonomy';

export type Action =
  | 'notHateful'
  | 'hateful'
  | 'submit'
  | 'undo'
  | 'back'
  | 'skip'
  | 'skipDistressing'
  | 'flag'
  | 'note'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomReset'
  | 'reveal'
  | 'help'
  | 'guide'
  | 'search'
  | 'reportBroken'
  | 'panLeft'
  | 'panRight'
  | 'panUp'
  | 'panDown'
  | `pc:${string}`
  | `attack:${string}`
  // Lead review
  | 'accept'
  | 'nextItem'
  | 'prevItem'
  | 'toggleNames';

export interface Binding {
  /** react-hotkeys-hook key syntax; several keys separated by commas. */
  keys: string;
  /** What the help overlay and chips show. */
  show: string;
  description: string;
  group: 'Label' | 'Move' | 'View' | 'Review';
}

const labelBindings = (task: 'pc' | 'attack', labels: readonly string[]): Record<string, Binding> =>
  Object.fromEntries(
    labels.map((l) => [
      `${task}:${l}`,
      {
        keys: LABEL_KEYS[task][l],
        show: LABEL_KEYS[task][l].toUpperCase(),
        description: `${task === 'pc' ? 'Category' : 'Attack'}: ${labelTitle(l)} (implies hateful)`,
        group: 'Label' as const,
      },
    ]),
  );

export const KEYMAP: Record<string, Binding> = {
  notHateful: {
    keys: 'n,0',
    show: 'N',
    description: 'Not hateful: save and go to the next meme',
    group: 'Label',
  },
  hateful: {
    keys: 'h',
    show: 'H',
    description: 'Hateful (then pick categories and attacks)',
    group: 'Label',
  },
  ...labelBindings('pc', PC_LABELS),
  ...labelBindings('attack', ATTACK_LABELS),
  submit: { keys: 'enter', show: 'Enter', description: 'Save and go to the next meme', group: 'Label' },
  flag: { keys: 'f', show: 'F', description: 'Flag for the lead (unsure, broken image…)', group: 'Label' },
  note: { keys: 'c', show: 'C', description: 'Write a note for this meme', group: 'Label' },
  undo: {
    keys: 'z,mod+z',
    show: 'Z / Ctrl+Z',
    description: 'Undo the last save and return to that meme',
    group: 'Move',
  },
  back: {
    keys: 'backspace,left',
    show: '← / Backspace',
    description: 'Back to the previous meme',
    group: 'Move',
  },
  skip: { keys: 'right,s', show: '→ / S', description: 'Skip for now (comes back later)', group: 'Move' },
  skipDistressing: {
    keys: 'd',
    show: 'D',
    description: 'Skip: distressing (no reason needed, never counted against you)',
    group: 'Move',
  },
  reportBroken: {
    keys: 'b',
    show: 'B',
    description: 'Image broken: report it to the lead and skip',
    group: 'Move',
  },
  search: {
    keys: 'slash,g',
    show: '/ or G',
    description: 'Go to a meme by id, or search its text',
    group: 'Move',
  },
  reveal: { keys: 'space,v', show: 'Space / V', description: 'Reveal or blur the image', group: 'View' },
  zoomIn: { keys: 'equal,shift+equal', show: '+', description: 'Zoom in', group: 'View' },
  zoomOut: { keys: 'minus', show: '−', description: 'Zoom out', group: 'View' },
  zoomReset: { keys: 'o', show: 'O', description: 'Original size (reset zoom)', group: 'View' },
  panLeft: { keys: 'shift+left', show: 'Shift+←', description: 'Zoomed: move the view left', group: 'View' },
  panRight: {
    keys: 'shift+right',
    show: 'Shift+→',
    description: 'Zoomed: move the view right',
    group: 'View',
  },
  panUp: { keys: 'shift+up', show: 'Shift+↑', description: 'Zoomed: move the view up', group: 'View' },
  panDown: { keys: 'shift+down', show: 'Shift+↓', description: 'Zoomed: move the view down', group: 'View' },
  help: { keys: 'shift+slash', show: '?', description: 'Show or hide this help', group: 'View' },
  guide: {
    keys: 'i',
    show: 'I',
    description: 'Read the annotation guidelines (examples stay hidden until you open them)',
    group: 'View',
  },
  accept: { keys: 'a', show: 'A', description: 'Review: accept the policy gold', group: 'Review' },
  nextItem: { keys: 'j,down', show: 'J / ↓', description: 'Review: next item', group: 'Review' },
  prevItem: { keys: 'k,up', show: 'K / ↑', description: 'Review: previous item', group: 'Review' },
  toggleNames: {
    keys: 'shift+n',
    show: 'Shift+N',
    description: 'Review: show or hide annotator names',
    group: 'Review',
  },
};

/** Handlers get the keyboard event (its timeStamp starts the latency clock). */
export type Handlers = Partial<Record<Action, (e?: KeyboardEvent) => void>>;

/** Marks the element (the meme) where hotkeys keep working while it has the focus. */
export const HOTKEY_SCOPE = { 'data-hotkeys-scope': '' } as const;

/**
 * Marks a button that is the only thing on its screen (the end of the queue): while it has the
 * focus the screen's keys keep working (Z takes the last answer back), except Enter and Space,
 * which press it.
 */
export const KEYS_PASS = { 'data-hotkeys-pass': '' } as const;

/**
 * Hotkeys act with the focus on the page itself or inside the meme, and on a KEYS_PASS button for
 * every key but the two that press it; nowhere else. `key` is the event's `key`.
 */
export function hotkeysAllowedAt(el: EventTarget | null, key: string): boolean {
  if (!(el instanceof Element)) return true;
  if (el === document.body || el === document.documentElement) return true;
  if (el.closest('[data-hotkeys-pass]') !== null) return key !== 'Enter' && key !== ' ';
  return (
    el.closest('[data-hotkeys-scope]') !== null && el.closest('button, a, input, select, textarea') === null
  );
}

/** Key names as the keymap writes them, where they differ from what a key's code gives. */
const ALIASES: Record<string, string> = {
  left: 'arrowleft',
  right: 'arrowright',
  up: 'arrowup',
  down: 'arrowdown',
  esc: 'escape',
  return: 'enter',
};
const MODIFIERS = ['alt', 'ctrl', 'meta', 'shift'] as const;

/** `mod` is ⌘ on a Mac and Ctrl elsewhere. */
function modKey(): 'meta' | 'ctrl' {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? 'meta' : 'ctrl';
}

/** A keymap entry ("shift+slash", "mod+z", "left") in one spelling: modifiers in order, then the key. */
export function canonicalHotkey(hotkey: string, mod = modKey()): string {
  const parts = hotkey.toLowerCase().split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((m) => (m === 'mod' ? mod : m === 'control' ? 'ctrl' : m)));
  return [...MODIFIERS.filter((m) => mods.has(m)), ALIASES[key] ?? key].join('+');
}

/**
 * What a keydown is bound by, in canonicalHotkey's spelling. A letter is the letter it types when
 * that is a Latin letter: Z is Z on a German keyboard and A is A on a French one, wherever those
 * keys sit (by place, the German Z key would be Y and turn on "dehumanizing"). Anything else
 * goes by the key's place: digits (1–5 on a French keyboard without Shift), punctuation, arrows,
 * and letters of other scripts, whose keyboards keep the Latin letters at the US places.
 */
export function hotkeyOf(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): string {
  const key =
    e.key.length === 1 && /[a-z]/i.test(e.key)
      ? e.key.toLowerCase()
      : e.code.toLowerCase().replace(/^(key|digit|numpad)/, '');
  const mods = { alt: e.altKey, ctrl: e.ctrlKey, meta: e.metaKey, shift: e.shiftKey };
  return [...MODIFIERS.filter((m) => mods[m]), key].join('+');
}

/**
 * Binds every action of `actions` to its handler (keys matched by hotkeyOf). Auto-repeat events
 * are ignored, so a held key never records twice; a key pressed while a control has the focus is
 * left to that control.
 */
export function useActions(actions: readonly Action[], handlers: Handlers, enabled = true): void {
  const byKey = new Map<string, Action>();
  for (const a of actions) for (const k of KEYMAP[a].keys.split(',')) byKey.set(canonicalHotkey(k), a);
  useHotkeys(
    '*',
    (e) => {
      const action = byKey.get(hotkeyOf(e));
      if (action === undefined) return;
      e.preventDefault();
      if (!e.repeat) handlers[action]?.(e);
    },
    {
      enabled,
      enableOnFormTags: false,
      ignoreEventWhen: (e) => !hotkeysAllowedAt(e.target, e.key),
    },
    [handlers, actions],
  );
}

/**
 * A mouse click on a button outside a dialog presses it without taking the focus, so the screen's
 * keys go on working after a click (keyboard users still Tab to every button and press it with
 * Enter or Space, and Esc gives the focus back to the page).
 */
export function useClicksKeepFocus(): void {
  useEffect(() => {
    const onDown = (e: MouseEvent): void => {
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest('button') && !t.closest('[role="dialog"]')) e.preventDefault();
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, []);
}

export const LABEL_ACTIONS: readonly Action[] = [
  'notHateful',
  'hateful',
  ...PC_LABELS.map((l) => `pc:${l}` as const),
  ...ATTACK_LABELS.map((l) => `attack:${l}` as const),
  'submit',
  'flag',
  'note',
  'undo',
  'back',
  'skip',
  'skipDistressing',
  'reportBroken',
  'search',
  'reveal',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'panLeft',
  'panRight',
  'panUp',
  'panDown',
  'help',
  'guide',
];

export const REVIEW_ACTIONS: readonly Action[] = [
  'notHateful',
  'hateful',
  ...PC_LABELS.map((l) => `pc:${l}` as const),
  ...ATTACK_LABELS.map((l) => `attack:${l}` as const),
  'submit',
  'accept',
  'undo',
  'note',
  'nextItem',
  'prevItem',
  'toggleNames',
  'search',
  'reveal',
  'help',
  'guide',
];

/** What some keys do on the review screen, where labels edit the lead's decision. */
export const REVIEW_DESCRIPTIONS: Partial<Record<Action, string>> = {
  notHateful: 'Decision: not hateful',
  hateful: 'Decision: hateful (then categories and attacks)',
  submit: 'Save the decision for the meme on display',
  undo: 'Undo the decision on the meme on display, or else the last one made here (it comes back)',
  note: 'Write a note for the decision',
  search: 'Go to any meme by id, or search the text of all memes',
  accept: 'Accept the policy gold for the meme on display (with the page or the meme focused)',
  nextItem:
    'Show the next meme of the list; with a list row focused, move the focus to the next row (Enter shows its meme)',
  prevItem: 'Show the previous meme of the list; with a list row focused, move the focus to the previous row',
};

/** How the keys meet the review list: a focused row moves and opens, it never decides. */
export const REVIEW_NOTE =
  'In the list of memes, a focused row takes ↓ / ↑ (or J / K) to move the focus to the next or previous row, and Enter or Space to show its meme. A, N, H, Enter and the other decision keys act only with the focus on the page or the meme, never on a focused row: press Esc to give the focus back to the page.';

/** Screens without keys of their own still have help. */
export const SCREEN_ACTIONS = {
  label: LABEL_ACTIONS,
  review: REVIEW_ACTIONS,
  other: ['help', 'guide'] as readonly Action[],
} as const;
