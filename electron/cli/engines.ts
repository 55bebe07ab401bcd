// The Node versions Meme Jury runs on. package.json "engines" is the one statement of them: what
// the toolchain needs together (vite 8: ^20.19.0 || >=22.12.0, vitest 4: no 21 or 23, jsdom:
// 22.13+; a unit test keeps it inside every one of them). This reads it, so the CLI, `npm start`
// and the install step give the same clear message on any other Node.
import { engines } from '../../package.json';

type Version = [number, number, number];

function parse(v: string): Version {
  const [a = 0, b = 0, c = 0] = v
    .replace(/^v/, '')
    .split('.')
    .map((x) => parseInt(x, 10) || 0);
  return [a, b, c];
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** One comparator of a range: ^x.y.z, >=x.y.z, >x.y.z, <=x.y.z, <x.y.z, =x.y.z or x.y.z. */
function meets(v: Version, comparator: string): boolean {
  const m = /^(\^|>=|<=|>|<|=)?\s*v?(\d+(?:\.\d+){0,2})$/.exec(comparator);
  if (!m) throw new Error(`unsupported engines comparator "${comparator}"`);
  const [, op = '=', ver] = m;
  const w = parse(ver);
  const c = cmp(v, w);
  switch (op) {
    case '^':
      return c >= 0 && v[0] === w[0];
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    default:
      return c === 0;
  }
}

/** Whether `version` satisfies `range` (alternatives joined by "||", each a list of comparators). */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alt) =>
    alt
      .trim()
      .replace(/(\^|>=|<=|>|<|=)\s+/g, '$1')
      .split(/\s+/)
      .every((c) => meets(v, c)),
  );
}

export const NODE_RANGE: string = engines.node;

/** null on a supported Node; otherwise the one line to show. */
export function nodeProblem(version: string = process.versions.node): string | null {
  if (satisfies(version, NODE_RANGE)) return null;
  return `Meme Jury needs Node ${NODE_RANGE.replace(/\s*\|\|\s*/g, ' or ')} (as its build and test tools do); this is Node ${version}. Install a current Node LTS from https://nodejs.org and run npm install again.`;
}
