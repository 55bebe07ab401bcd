// Team sync with a real tool: project clones joined by git. Two annotators label in their own
// apps, each in their own clone, commit and pull (a merge, never a conflict: each writes only
// their own file), and the lead's app, open on a third clone, shows both within 2 seconds of its
// `git pull`, again after a second round (git replaces changed files, a new inode each time).
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/services/backend';
import { initProject } from '../../electron/services/project';
import { tempDir, testBackend } from './helpers';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: process.env.HOME ?? '/tmp',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function label(b: Backend, items: number[], hate: 'hateful' | 'not_hateful'): Promise<void> {
  for (const item of items)
    await b.call('annotation:save', {
      item,
      hate,
      pc: hate === 'hateful' ? ['race'] : [],
      attack: hate === 'hateful' ? ['mocking'] : [],
      ms: 1500,
    });
}

describe('team sync through git', () => {
  it('two clones merge without conflict; the lead sees both annotators within 2 s of each pull', async () => {
    const base = await tempDir();
    const origin = join(base, 'origin.git');
    git(base, 'init', '-q', '--bare', '-b', 'main', origin);
    const seed = join(base, 'seed');
    await initProject(seed, { name: 'team' });
    await writeFile(
      join(seed, 'items.jsonl'),
      Array.from({ length: 12 }, (_, i) =>
        JSON.stringify({ id: i + 1, img: `img/${i + 1}.png`, text: '' }),
      ).join('\n') + '\n',
    );
    git(seed, 'init', '-q', '-b', 'main');
    git(seed, 'add', '.');
    git(seed, 'commit', '-q', '-m', 'project');
    git(seed, 'remote', 'add', 'origin', origin);
    git(seed, 'push', '-q', 'origin', 'main');
    const clone = (name: string): string => {
      git(base, 'clone', '-q', origin, name);
      return join(base, name);
    };
    const [a, b, l] = [clone('a'), clone('b'), clone('lead')];

    const annA = await testBackend(await tempDir(), 'ann-a');
    const annB = await testBackend(await tempDir(), 'ann-b');
    const lead = await testBackend(await tempDir(), 'lead-1');
    try {
      await annA.call('project:open', { dir: a });
      await annB.call('project:open', { dir: b });
      await lead.call('project:open', { dir: l });
      await label(annA, [1, 2, 3, 4, 5], 'hateful');
      await label(annB, [3, 4, 5, 6, 7], 'not_hateful');

      // Each commits only their own file; B merges A's work in: no conflict.
      git(a, 'add', '.memejury/annotations/ann-a.jsonl');
      git(a, 'commit', '-q', '-m', 'ann-a labels');
      git(a, 'push', '-q', 'origin', 'main');
      git(b, 'add', '.memejury/annotations/ann-b.jsonl');
      git(b, 'commit', '-q', '-m', 'ann-b labels');
      git(b, 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main');
      expect(git(b, 'status', '--porcelain', '--untracked-files=no').trim()).toBe('');
      git(b, 'push', '-q', 'origin', 'main');

      const lp = lead.session.project!;
      const seen = (who: string, items: number[]): boolean => items.every((i) => lp.state.current(who, i));
      let t0 = Date.now();
      git(l, 'pull', '-q', '--no-rebase', 'origin', 'main');
      await expect
        .poll(() => seen('ann-a', [1, 2, 3, 4, 5]) && seen('ann-b', [3, 4, 5, 6, 7]), {
          timeout: 2000,
          interval: 20,
        })
        .toBe(true);
      const first = Date.now() - t0;
      expect(first).toBeLessThan(2000);
      expect(lp.problems()).toStrictEqual([]);

      // A second round: B labels more; git replaces ann-b.jsonl in the lead's clone.
      await label(annB, [8, 9, 10], 'hateful');
      git(b, 'add', '.memejury/annotations/ann-b.jsonl');
      git(b, 'commit', '-q', '-m', 'more');
      git(b, 'push', '-q', 'origin', 'main');
      t0 = Date.now();
      git(l, 'pull', '-q', '--no-rebase', 'origin', 'main');
      await expect.poll(() => seen('ann-b', [8, 9, 10]), { timeout: 2000, interval: 20 }).toBe(true);
      expect(Date.now() - t0).toBeLessThan(2000);
      const labeled = (who: string): number =>
        Array.from({ length: 12 }, (_, i) => i + 1).filter((i) => lp.state.current(who, i)).length;
      expect([labeled('ann-a'), labeled('ann-b')]).toStrictEqual([5, 8]);
      expect(lp.problems()).toStrictEqual([]);

      // A pulls too: A's app picks B's file up (kept from A's screens: annotators are blind).
      git(a, 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main');
      await expect
        .poll(() => annA.session.project!.state.current('ann-b', 10)?.hate, { timeout: 2000 })
        .toBe('hateful');
      console.log(`git sync: the lead saw both annotators ${first} ms after git pull`);
    } finally {
      await annA.dispose();
      await annB.dispose();
      await lead.dispose();
    }
  });
});
