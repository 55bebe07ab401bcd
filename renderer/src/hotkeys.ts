// Every keyboard shortcut of the app, in one place. The help overlay (`?`) is generated from
// this table, so what it shows is what works.
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
  | 'escape'
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
  reveal: { keys: 'space,v', show: 'Space / V', description: 'Reveal or blur the image', group: 'View' },
  zoomIn: { keys: 'equal,shift+equal', show: '+', description: 'Zoom in', group: 'View' },
  zoomOut: { keys: 'minus', show: '−', description: 'Zoom out', group: 'View' },
  zoomReset: { keys: 'o', show: 'O', description: 'Original size (reset zoom)', group: 'View' },
  help: { keys: 'shift+slash', show: '?', description: 'Show or hide this help', group: 'View' },
  escape: { keys: 'escape', show: 'Esc', description: 'Close a dialog', group: 'View' },
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

/**
 * Binds every action of `actions` to its handler. Auto-repeat events are ignored, so a held key
 * never records twice; keys typed into text fields are left alone.
 */
export function useActions(actions: readonly Action[], handlers: Handlers, enabled = true): void {
  const keys = actions.map((a) => KEYMAP[a].keys).join(',');
  const byKey = new Map<string, Action>();
  for (const a of actions) for (const k of KEYMAP[a].keys.split(',')) byKey.set(k, a);
  useHotkeys(
    keys,
    (e, hk) => {
      if (e.repeat) return;
      const action = byKey.get(hk.hotkey);
      if (action) handlers[action]?.(e);
    },
    { enabled, preventDefault: true, enableOnFormTags: false },
    [handlers, keys],
  );
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
  'reveal',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'help',
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
  'reveal',
  'help',
];
