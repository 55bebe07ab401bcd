// Problems a tester found using the app as a team would, each pinned by a test: a lead's rules
// reaching running apps, no vote beyond the target, an audit that cannot pass on a wrong path, and
// a forgotten profile told so.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initProject } from '../../electron/services/project';
import { CLI, ROOT, tempDir, testBackend } from './helpers';

async function project(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir, { name: 'walk', targetAnnotators: 2 });
  await writeFile(
    join(dir, 'items.jsonl'),
    [1, 2, 3, 4].map((id) => JSON.stringify({ id, img: `img/${id}.png`, text: `m${id}` })).join('\n') + '\n',
  );
  return dir;
}

const save = (item: number) => ({ item, hate: 'not_hateful' as const, pc: [], attack: [], ms: 1500 });

describe('found by using the app', () => {
  it("a running annotator's app follows the lead's new rules without a restart", async () => {
    const dir = await project();
    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    const ann = await testBackend(await tempDir(), 'ann-a');
    await ann.call('project:open', { dir });
    const events: string[] = [];
    ann.onEvent((e, p) => e === 'project:changed' && events.push((p as { reason: string }).reason));
    await lead.call('lead:set', { on: true });
    await lead.call('project:setRules', { qualification: 3, queueOrder: 'disputed' });
    await expect
      .poll(async () => (await ann.call('project:current', undefined))?.rules, {
        timeout: 3000,
        interval: 50,
      })
      .toMatchObject({ qualification: 3, queueOrder: 'disputed' });
    await expect
      .poll(async () => (await ann.call('project:current', undefined))?.leads)
      .toStrictEqual(['lead-l']);
    // One event or two, depending on how the checks fall: the app refreshes on either reason.
    expect(events.some((r) => r === 'rules' || r === 'roles')).toBe(true);
    await lead.dispose();
    await ann.dispose();
  });

  it('a first vote beyond the target is refused; relabeling my own answer is not', async () => {
    const dir = await project();
    for (const a of ['ann-a', 'ann-b']) {
      const b = await testBackend(await tempDir(), a);
      await b.call('project:open', { dir });
      await b.call('annotation:save', save(1));
      await b.dispose();
    }
    const c = await testBackend(await tempDir(), 'ann-c');
    await c.call('project:open', { dir });
    await expect(c.call('annotation:save', save(1))).rejects.toThrow(/meme #1 needs no vote from you/);
    // Its "All" lists only what ann-c may still label.
    const all = await c.call('queue:list', { filter: 'all' });
    expect(all.ids.map(Number).sort()).toStrictEqual([2, 3, 4]);
    await c.dispose();
    const a = await testBackend(await tempDir(), 'ann-a');
    await a.call('project:open', { dir });
    await a.call('annotation:save', { ...save(1), hate: 'hateful', pc: ['race'], attack: ['mocking'] });
    await a.dispose();
  });

  it('memejury audit fails on a folder that is not a project', async () => {
    const r = spawnSync(process.execPath, [CLI, 'audit', '--project', join(await tempDir(), 'nope')], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not a Meme Jury project/);
  });

  it('a profile whose labels were forgotten is told so by its project summary', async () => {
    const dir = await project();
    const a = await testBackend(await tempDir(), 'ann-a');
    await a.call('project:open', { dir });
    await a.call('annotation:save', save(2));
    expect((await a.call('project:current', undefined))?.annotatorForgotten).toBe(false);
    await a.dispose();
    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    await lead.call('lead:set', { on: true });
    await lead.call('rights:forgetAnnotator', { annotator: 'ann-a', reason: 'asked to leave' });
    await lead.dispose();
    const again = await testBackend(await tempDir(), 'ann-a');
    const opened = await again.call('project:open', { dir }).catch((e: Error) => e.message);
    // Either the project refuses the forgotten profile outright, or its summary says so.
    if (typeof opened === 'string') expect(opened).toMatch(/forgotten/);
    else expect(opened.annotatorForgotten).toBe(true);
    await again.dispose();
  });
});
