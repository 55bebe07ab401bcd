// Small text helpers for what the app shows: a count with its noun in the right number.

/** "1 meme", "2 memes", "0 memes"; `many` for irregular plurals ("1 entry", "2 entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** The noun alone, in the number `n` asks for, for a count shown apart ("<strong>1</strong> meme"). */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
