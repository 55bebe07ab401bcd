// Random records and mutated lines for the tests of the fast line readers (decode*.test.ts):
// each reader must accept only what JSON.parse and the check accept, with the same value.

export type R = () => number;
export const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
/** Mostly the usual value, sometimes any of the odd ones. */
export const usually = <T>(r: R, usual: T, odd: readonly T[]): T => (r() < 0.9 ? usual : pick(r, odd));

export const LABELS = [
  'race',
  'religion',
  'sex',
  'mocking',
  'slurs',
  'other',
  'a]b',
  'x"y',
  'tab\there',
  'é',
  '',
];

const MUTATION_CHARS = [
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\\',
  ' ',
  '0',
  '1',
  '9',
  'a',
  'e',
  '.',
  '-',
  '\t',
];

export function mutate(r: R, line: string): string {
  const i = Math.floor(r() * line.length);
  switch (Math.floor(r() * 4)) {
    case 0:
      return line.slice(0, i) + line.slice(i + 1);
    case 1:
      return line.slice(0, i) + pick(r, MUTATION_CHARS) + line.slice(i);
    case 2:
      return line.slice(0, i) + pick(r, MUTATION_CHARS) + line.slice(i + 1);
    default: {
      const j = Math.floor(r() * line.length);
      return line.slice(0, Math.min(i, j)) + line.slice(Math.max(i, j));
    }
  }
}

export function randomItemRecord(r: R): Record<string, unknown> {
  const o: Record<string, unknown> = {
    id: usually(r, Math.floor(r() * 100000), [0, 'meme-7', '', 'x"y', -1, 2.5, 1234567890123456]),
  };
  if (r() < 0.7) o.set_name = usually(r, pick(r, ['train', 'dev_seen']), [5, 'a"b', 'tab\t']);
  o.img = usually(r, `img/${Math.floor(r() * 1000)}.png`, [
    '',
    '/abs.png',
    '../up.png',
    'img/.h.png',
    'C:x.png',
    'a//b.png',
    'a\\b.png',
    7,
  ]);
  o.text = usually(r, pick(r, ['a meme', 'üñí', '']), ['say "no"', 'two\nlines', 'back\\slash', 3]);
  if (r() < 0.5) o.gold_hate = usually(r, [pick(r, ['hateful', 'not_hateful'])], [[], ['maybe'], 'hateful']);
  if (r() < 0.05) o.source = 'web';
  if (r() < 0.05) o.gold_pc = ['race'];
  return o;
}
