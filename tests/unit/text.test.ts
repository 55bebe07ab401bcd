// Counts in words: digits grouped as toLocaleString('en') groups them, without its locale data.
import { describe, expect, it } from 'vitest';
import { count, plural } from '../../shared/text';

describe('count', () => {
  it('groups digits exactly as toLocaleString("en") does', () => {
    const xs = [
      0,
      1,
      9,
      10,
      99,
      100,
      999,
      1000,
      1001,
      12345,
      123456,
      1234567,
      100000,
      Number.MAX_SAFE_INTEGER,
    ];
    for (let k = 0; k < 2000; k++) xs.push(Math.floor(Math.random() * 10 ** (1 + (k % 15))));
    for (const n of [...xs, ...xs.map((x) => -x)]) expect(count(n)).toBe(n.toLocaleString('en'));
    expect(count(2.5)).toBe('2.5');
  });

  it('says the noun in the number the count asks for', () => {
    expect(plural(1, 'meme')).toBe('1 meme');
    expect(plural(100000, 'meme')).toBe('100,000 memes');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
