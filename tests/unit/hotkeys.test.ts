import { describe, expect, it } from 'vitest';
import {
  KEYMAP,
  LABEL_ACTIONS,
  REVIEW_ACTIONS,
  SCREEN_ACTIONS,
  type Action,
} from '../../renderer/src/hotkeys';

function keysOf(actions: readonly string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const a of actions)
    for (const k of KEYMAP[a].keys.split(',')) seen.set(k, [...(seen.get(k) ?? []), a]);
  return seen;
}

describe('keymap', () => {
  it('binds no key to two actions of the labeling screen or of the review screen', () => {
    for (const actions of [LABEL_ACTIONS, REVIEW_ACTIONS]) {
      const clashes = [...keysOf(actions)].filter(([, a]) => a.length > 1);
      expect(clashes).toStrictEqual([]);
    }
  });

  it('meets the key budget: not hateful = 1 key; hateful + category + attack + save = 4 keys', () => {
    expect(KEYMAP.notHateful.keys.split(',')).toContain('n');
    for (const a of ['hateful', 'pc:race', 'attack:dehumanizing', 'submit'] as Action[])
      expect(KEYMAP[a].keys.split(',').some((k) => !k.includes('+'))).toBe(true);
  });

  it('the guidelines key (I) works and is listed on the labeling, review and other screens', () => {
    expect(KEYMAP.guide.keys).toBe('i');
    for (const actions of Object.values(SCREEN_ACTIONS)) expect(actions).toContain('guide');
    expect(LABEL_ACTIONS).toContain('guide');
    expect(REVIEW_ACTIONS).toContain('guide');
  });

  it('binds every taxonomy label', () => {
    expect(LABEL_ACTIONS.filter((a) => a.startsWith('pc:'))).toHaveLength(5);
    expect(LABEL_ACTIONS.filter((a) => a.startsWith('attack:'))).toHaveLength(7);
  });
});
