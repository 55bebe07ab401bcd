// Keys are matched by the Latin letter they type, and otherwise by their place: the same keymap
// works on US, German, French and Russian keyboards (issue found by a trial: on a German keyboard
// Z turned on "dehumanizing", the action of the key at Z's US place).
import { describe, expect, it } from 'vitest';
import { canonicalHotkey, hotkeyOf, KEYMAP } from './hotkeys';

const down = (
  key: string,
  code: string,
  mods: Partial<Record<'alt' | 'ctrl' | 'meta' | 'shift', boolean>> = {},
) => ({
  key,
  code,
  altKey: !!mods.alt,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
});

/** The action a keydown triggers, through the same two functions useActions uses. */
function actionOf(e: ReturnType<typeof down>, mod: 'ctrl' | 'meta' = 'ctrl'): string | undefined {
  for (const [action, { keys }] of Object.entries(KEYMAP))
    if (keys.split(',').some((k) => canonicalHotkey(k, mod) === hotkeyOf(e))) return action;
  return undefined;
}

describe('hotkeys by letter, else by place', () => {
  it('a letter is the letter typed, wherever its key sits', () => {
    // German QWERTZ: the Z key sends code KeyY; French AZERTY: the A key sends code KeyQ.
    expect(actionOf(down('z', 'KeyY'))).toBe('undo');
    expect(actionOf(down('a', 'KeyQ'))).toBe('accept');
    expect(actionOf(down('y', 'KeyZ'))).toBe(actionOf(down('y', 'KeyY')));
    expect(actionOf(down('q', 'KeyA'))).toBe(actionOf(down('q', 'KeyQ')));
    // US keyboard, as before.
    expect(actionOf(down('z', 'KeyZ'))).toBe('undo');
    expect(actionOf(down('N', 'KeyN', { shift: true }))).toBe('toggleNames');
    expect(actionOf(down('z', 'KeyZ', { ctrl: true }))).toBe('undo');
    expect(actionOf(down('z', 'KeyZ', { meta: true }), 'meta')).toBe('undo');
    expect(actionOf(down('z', 'KeyZ', { alt: true }))).toBeUndefined();
  });

  it('digits, punctuation, arrows and other scripts go by the key’s place', () => {
    // French AZERTY: the 1 key types "&" without Shift and is still the first category.
    expect(actionOf(down('&', 'Digit1'))).toBe(actionOf(down('1', 'Digit1')));
    expect(actionOf(down('1', 'Digit1'))).toMatch(/^pc:/);
    // Russian: the Z key types "я"; its place gives Z.
    expect(actionOf(down('я', 'KeyZ'))).toBe('undo');
    expect(actionOf(down('?', 'Slash', { shift: true }))).toBe('help');
    expect(actionOf(down('/', 'Slash'))).toBe('search');
    expect(actionOf(down('ArrowLeft', 'ArrowLeft'))).toBe('back');
    expect(actionOf(down('ArrowLeft', 'ArrowLeft', { shift: true }))).toBe('panLeft');
    expect(actionOf(down(' ', 'Space'))).toBe('reveal');
    expect(actionOf(down('Enter', 'Enter'))).toBe('submit');
    expect(actionOf(down('Enter', 'NumpadEnter'))).toBe('submit');
    expect(actionOf(down('+', 'Equal', { shift: true }))).toBe('zoomIn');
    // AltGr (Ctrl+Alt on Windows) typing "@" on a German keyboard is no key of ours.
    expect(actionOf(down('@', 'KeyQ', { ctrl: true, alt: true }))).toBeUndefined();
  });
});
