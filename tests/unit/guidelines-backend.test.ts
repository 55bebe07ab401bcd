// Guidelines through the contract and the CLI: every label line records the version the app
// showed, a lead (and only a lead, in lead mode) saves a new version, every version is archived
// and readable, other annotators' apps pick a new version up live, Review and the versions view
// tell the lead which votes were made under an older version.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvents } from '../../shared/api';
import { DEFAULT_GUIDELINES } from '../../shared/guidelinesDefault';
import { DEFAULT_VERSION } from '../../electron/services/guidelines';
import { AnnotatorLock } from '../../electron/services/locks';
import { initProject } from '../../electron/services/project';
import { CLI, ROOT, tempDir, testBackend } from './helpers';

const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

const NEW_GUIDE = `# Our guide

## Race

Attacks on people for their race or ethnicity, including coded ones.

### Examples

- A caption using a coded term for an ethnic group.
`;

async function project(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir, { name: 'guide', targetAnnotators: 2 });
  await writeFile(
    join(dir, 'items.jsonl'),
    [1, 2, 3, 4].map((id) => JSON.stringify({ id, img: `img/${id}.png`, text: `meme ${id}` })).join('\n') +
      '\n',
  );
  return dir;
}

async function lines(dir: string, annotator: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(dir, `.memejury/annotations/${annotator}.jsonl`), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const hateful = { hate: 'hateful' as const, pc: ['race'], attack: ['mocking'], ms: 2000 };

describe('guidelines versions on labels', () => {
  it('stamps each label line with the version shown; a lead saves a new one; old versions stay readable', async () => {
    const dir = await project();
    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    await lead.call('lead:set', { on: true });

    const g0 = await lead.call('guidelines:get', undefined);
    expect(g0).toMatchObject({
      source: 'default',
      version: sha(DEFAULT_GUIDELINES),
      short: DEFAULT_VERSION.slice(0, 12),
    });
    expect(Object.keys(g0.definitions)).toHaveLength(14);
    await lead.call('annotation:save', { item: 1, ...hateful });
    expect((await lines(dir, 'lead-l'))[0]).toMatchObject({ item: 1, gv: DEFAULT_VERSION });

    const g1 = await lead.call('guidelines:save', {
      markdown: NEW_GUIDE.replace(/\n/g, '\r\n'),
      base: g0.version,
    });
    expect(g1).toMatchObject({
      source: 'project',
      version: sha(NEW_GUIDE),
      definitions: { race: expect.stringMatching(/coded/) },
    });
    expect(await readFile(join(dir, '.memejury/guidelines.md'), 'utf8')).toBe(NEW_GUIDE);
    // Both versions archived by hash: the default the earlier label was made under, and the new one.
    expect((await readdir(join(dir, '.memejury/guidelines'))).sort()).toStrictEqual(
      [`${DEFAULT_VERSION}.md`, `${sha(NEW_GUIDE)}.md`].sort(),
    );
    await lead.call('annotation:save', { item: 2, ...hateful });
    expect((await lines(dir, 'lead-l'))[1]).toMatchObject({ item: 2, gv: sha(NEW_GUIDE) });
    // The line's key order: gv after the fields every line has.
    expect(Object.keys((await lines(dir, 'lead-l'))[1]).at(-1)).toBe('gv');
    // An undo line records no version: it retracts, it labels nothing.
    await lead.call('annotation:undo', { item: 2 });
    expect((await lines(dir, 'lead-l'))[2]).not.toHaveProperty('gv');

    const old = await lead.call('guidelines:version', { version: DEFAULT_VERSION.slice(0, 12) });
    expect(old?.markdown).toBe(DEFAULT_GUIDELINES);
    expect(await lead.call('guidelines:version', { version: 'f'.repeat(64) })).toBeNull();
    // Saving what is already there makes no new version; a save from a stale base is refused.
    expect((await lead.call('guidelines:save', { markdown: NEW_GUIDE })).version).toBe(g1.version);
    await expect(lead.call('guidelines:save', { markdown: 'x', base: g0.version })).rejects.toThrow(
      /changed while you edited them/,
    );
    await expect(lead.call('guidelines:save', { markdown: '  \n' })).rejects.toThrow(/cannot be empty/);
    await expect(lead.handle('guidelines:version', { version: 'XYZ' })).rejects.toThrow(/field "version"/);
    // An archived copy altered by hand is not that version any more.
    await writeFile(join(dir, '.memejury/guidelines', `${DEFAULT_VERSION}.md`), 'tampered');
    await lead.call('lead:set', { on: false });
    expect(await lead.call('guidelines:version', { version: sha(NEW_GUIDE) })).toMatchObject({
      markdown: NEW_GUIDE,
    });
    await lead.dispose();
  });

  it('an annotator reads the guidelines but cannot save them or see versions; a lead needs lead mode to save', async () => {
    const dir = await project();
    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    await lead.call('lead:set', { on: true });
    await lead.call('lead:set', { on: false });
    await expect(lead.call('guidelines:save', { markdown: NEW_GUIDE })).rejects.toThrow(/turn on lead mode/);
    await lead.dispose();

    const ann = await testBackend(await tempDir(), 'ann-b');
    await ann.call('project:open', { dir });
    expect((await ann.call('guidelines:get', undefined)).source).toBe('default');
    await expect(ann.call('guidelines:save', { markdown: NEW_GUIDE })).rejects.toThrow(/only a lead/);
    await expect(ann.call('guidelines:versions', {})).rejects.toThrow(/only a lead/);
    await expect(ann.call('guidelines:version', { version: DEFAULT_VERSION })).rejects.toThrow(/only a lead/);
    await ann.dispose();
  });

  it('another annotator’s app picks up a version the lead saves, and stamps its next label with it', async () => {
    const dir = await project();
    const ann = await testBackend(await tempDir(), 'ann-b');
    await ann.call('project:open', { dir });
    const events: ApiEvents['project:changed'][] = [];
    ann.onEvent((e, p) => {
      if (e === 'project:changed') events.push(p as ApiEvents['project:changed']);
    });
    await ann.call('annotation:save', { item: 1, ...hateful });

    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    await lead.call('lead:set', { on: true });
    await expect.poll(() => events.length, { timeout: 3000, interval: 25 }).toBeGreaterThan(0); // the new lead

    // The folder watcher (not a call of the page) reads the new version and tells the page.
    const seen = events.length;
    await lead.call('guidelines:save', { markdown: NEW_GUIDE });
    await expect
      .poll(() => [ann.session.project?.guidelines.current.version, events.length > seen], {
        timeout: 3000,
        interval: 25,
      })
      .toStrictEqual([sha(NEW_GUIDE), true]);
    expect((await ann.call('guidelines:get', undefined)).version).toBe(sha(NEW_GUIDE));
    await ann.call('annotation:save', { item: 2, ...hateful });
    expect((await lines(dir, 'ann-b')).map((l) => l.gv)).toStrictEqual([DEFAULT_VERSION, sha(NEW_GUIDE)]);

    // The lead's app has ann-b's new line once its watcher read it.
    await expect
      .poll(() => lead.session.project?.state.current('ann-b', 2)?.gv, { timeout: 3000, interval: 25 })
      .toBe(sha(NEW_GUIDE));
    // The lead sees the older vote in Review (roster order: the lead first) (badge data), in the filter, and in the counts.
    await lead.call('annotation:save', { item: 1, ...hateful, pc: ['sex'] });
    const item = await lead.call('review:item', { id: 1 });
    expect(item.votes.map((v) => [v.annotator, v.gv, v.gvCurrent])).toStrictEqual([
      ['lead-l', sha(NEW_GUIDE), true],
      ['ann-b', DEFAULT_VERSION, false],
    ]);
    const older = await lead.call('review:list', { filter: { olderGuidelines: true } });
    expect(older.rows.map((r) => [r.id, r.reasons[0]])).toStrictEqual([[1, 'older_guidelines']]);
    expect(older.olderGuidelines).toBe(1);
    const versions = await lead.call('guidelines:versions', {});
    expect(versions).toMatchObject({ current: sha(NEW_GUIDE), older: 1, unrecorded: 0 });
    expect(
      versions.rows.map((r) => [r.short, r.votes, r.items, r.current, r.isDefault, r.readable]),
    ).toStrictEqual([
      [DEFAULT_VERSION.slice(0, 12), 1, 1, false, true, true],
      [sha(NEW_GUIDE).slice(0, 12), 2, 2, true, false, true],
    ]);
    await ann.dispose();
    await lead.dispose();
  });

  it('a file edited by hand is a version too: the lead’s app archives it when it sees it', async () => {
    const dir = await project();
    await writeFile(join(dir, '.memejury/guidelines.md'), NEW_GUIDE);
    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    expect((await lead.call('guidelines:get', undefined)).source).toBe('project');
    await expect(readdir(join(dir, '.memejury/guidelines'))).rejects.toThrow(); // not the lead's app yet
    await lead.call('lead:set', { on: true });
    expect(await readdir(join(dir, '.memejury/guidelines'))).toStrictEqual([`${sha(NEW_GUIDE)}.md`]);
    await lead.dispose();
  });
});

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('memejury guidelines', () => {
  it('prints the version, saves a new one as the lead (refused while another app holds the lead lock)', async () => {
    const dir = await project();
    const shown = cli('guidelines', '--project', dir);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`guidelines ${DEFAULT_VERSION} (built-in default)`);
    expect(cli('guidelines', '--project', dir, '--print').stdout).toBe(DEFAULT_GUIDELINES);

    const file = join(await tempDir(), 'guide.md');
    await writeFile(file, NEW_GUIDE);
    const lock = await AnnotatorLock.acquireLead(join(dir, '.memejury'), 'test');
    const refused = cli('guidelines', '--project', dir, '--set', file);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/lead/);
    await lock.release();
    const set = cli('guidelines', '--project', dir, '--set', file);
    expect(set.stderr).toBe('');
    expect(set.stdout.trim()).toBe(`guidelines saved: version ${sha(NEW_GUIDE)}`);
    const json = JSON.parse(cli('guidelines', '--project', dir, '--json').stdout) as {
      version: string;
      source: string;
      rows: { version: string; current: boolean }[];
    };
    expect(json).toMatchObject({ version: sha(NEW_GUIDE), source: 'project' });
    expect(json.rows.find((r) => r.current)?.version).toBe(sha(NEW_GUIDE));
    expect(await readFile(join(dir, '.memejury/guidelines.md'), 'utf8')).toBe(NEW_GUIDE);
  });
});
