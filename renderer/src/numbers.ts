// Counts as the user's locale writes them (1,000 or 1 000), as Number.toLocaleString() does, from
// one cached formatter: toLocaleString builds a new one on every call, which on the label screen
// cost more than the rest of a re-render (issue 11: next meme latency).
const COUNT = new Intl.NumberFormat();

export function formatCount(n: number): string {
  return COUNT.format(n);
}
