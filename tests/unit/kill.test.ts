// The fast subset of the kill tests (tests/unit/kill.ts): a few SIGKILLs per scenario in every
// `npm test`; `npm run soak` runs hundreds and prints the figures.
import { describe, expect, it } from 'vitest';
import { killExport, killForget, killImport, killSaves, report, type Tally } from './kill';

const ATTEMPTS = 4;

function check(t: Tally): void {
  console.log(report([t]));
  expect(t.attempts).toBe(ATTEMPTS);
  expect(t.losses, t.notes.join('\n')).toBe(0);
}

describe('killed with SIGKILL', () => {
  it('a labeling app loses no acknowledged save', async () => {
    const t = await killSaves(ATTEMPTS);
    check(t);
    expect(t.kills).toBeGreaterThan(0);
  }, 120_000);

  it('a forget is finished by running it again', async () => check(await killForget(ATTEMPTS)), 120_000);

  it(
    'an export is complete or absent, and leaves no temp file',
    async () => check(await killExport(ATTEMPTS)),
    120_000,
  );

  it(
    'an import is complete, or said unfinished at open and completed by importing again',
    async () => check(await killImport(ATTEMPTS)),
    120_000,
  );
});
