// Path confinement through the API (electron/services/confine.ts): the channels that write or read
// a path, attacked as a hostile page would in browser mode and with Electron's dialogs; what they may
// not touch comes out byte for byte unchanged, and no error quotes what a file holds.
import { createHash } from 'node:crypto';
import { readFile, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';
import { backend, fixture, HOSTILE_NAMES, HOSTILE_READS, refused, tree } from './confineFixtures';

describe('the API never writes where the user did not choose', () => {
  it('browser mode: names only, under exports/; every hostile name and path is refused and changes nothing', async () => {
    const f = await fixture();
    const b = await backend(f.user);
    await b.call('project:open', { dir: f.dir });
    const before = await tree(f.base);
    let attacks = 0;
    // The old shape (a path) is no longer part of the contract.
    for (const out of [join(f.dir, '.memejury/governance.jsonl'), '/tmp/x.jsonl']) {
      await refused(b.handle('export:run', { options: { format: 'fghm' }, out }));
      await refused(b.handle('stats:exportReport', { format: 'json', out }));
      attacks += 2;
    }
    for (const name of HOSTILE_NAMES) {
      await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { name } }));
      for (const format of ['json', 'csv', 'html'])
        await refused(b.handle('stats:exportReport', { format, to: { name } }));
      attacks += 4;
    }
    // Handles are Electron's, issued by main's dialog: a made-up one is refused.
    await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { handle: 'A'.repeat(24) } }));
    await refused(b.handle('stats:exportReport', { format: 'csv', to: { handle: 'B'.repeat(24) } }));
    expect(await refused(b.handle('export:chooseTarget', { format: 'fghm' }))).toMatch(/give a file name/);
    attacks += 3;
    expect(await tree(f.base)).toStrictEqual(before);

    // exports/ replaced by a symlink into .memejury: still refused.
    await symlink(join(f.dir, '.memejury'), join(f.dir, 'exports'));
    await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { name: 'governance' } }));
    await refused(b.handle('stats:exportReport', { format: 'json', to: { name: 'project' } }));
    attacks += 2;
    expect((await tree(f.dir)).get('.memejury/governance.jsonl')).toBe(
      before.get('project/.memejury/governance.jsonl'),
    );
    await b.dispose();
    console.log(`path confinement: ${attacks} hostile write calls refused, project unchanged`);
  });

  it('browser mode: a plain name is written under exports/ with its manifest, and reports beside it', async () => {
    const f = await fixture();
    const b = await backend(f.user);
    await b.call('project:open', { dir: f.dir });
    const run = await b.call('export:run', { options: { format: 'fghm' }, to: { name: 'gold' } });
    expect(run.out).toBe(join(f.dir, 'exports/gold.jsonl'));
    expect(run.manifest).toBe(join(f.dir, 'exports/gold.manifest.json'));
    const manifest = JSON.parse(await readFile(run.manifest as string, 'utf8')) as { sha256: string };
    expect(manifest.sha256).toBe(
      createHash('sha256')
        .update(await readFile(run.out))
        .digest('hex'),
    );
    for (const format of ['json', 'csv', 'html'] as const) {
      const r = await b.call('stats:exportReport', { format, to: { name: 'team report' } });
      expect(r.out).toBe(join(f.dir, `exports/team report.${format}`));
      expect((await stat(r.out)).size).toBeGreaterThan(0);
    }
    await b.dispose();
  });

  it('browser mode with --exports: names go to that folder, which may not be the project itself', async () => {
    const f = await fixture();
    const elsewhere = join(f.base, 'out');
    const b = await backend(f.user, { exportsDir: elsewhere });
    await b.call('project:open', { dir: f.dir });
    expect((await b.call('export:run', { options: { format: 'full' }, to: { name: 'gold' } })).out).toBe(
      join(elsewhere, 'gold.jsonl'),
    );
    await b.dispose();
    const before = await tree(f.dir);
    const into = await backend(await tempDir(), { exportsDir: f.dir });
    await into.call('project:open', { dir: f.dir });
    expect(
      await refused(into.handle('export:run', { options: { format: 'fghm' }, to: { name: 'items' } })),
    ).toMatch(/item list/);
    await into.dispose();
    expect(await tree(f.dir)).toStrictEqual(before);
  });

  it('Electron: paths come only from main’s dialog, behind single-use handles of one purpose', async () => {
    const f = await fixture();
    let chosen: string | null = join(f.outside, 'picked.jsonl');
    let askedFile = 0;
    const b = await backend(f.user, {
      chooseFolder: async () => null,
      chooseFile: async () => {
        askedFile++;
        return null;
      },
      chooseSaveFile: async () => chosen,
    });
    await b.call('project:open', { dir: f.dir });
    await b.call('lead:set', { on: true });
    const target = await b.call('export:chooseTarget', { format: 'fghm' });
    expect(target?.label).toBe('picked.jsonl');
    expect(target?.handle).not.toContain('picked');
    const run = await b.call('export:run', { options: { format: 'fghm' }, to: { handle: target!.handle } });
    expect(run.out).toBe(chosen);
    // Used once: a second run with the same handle is refused.
    await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { handle: target!.handle } }));
    // A report handle is not an export handle.
    chosen = join(f.outside, 'report.html');
    const report = await b.call('stats:chooseReportTarget', { format: 'html' });
    await refused(b.handle('export:run', { options: { format: 'fghm' }, to: { handle: report!.handle } }));
    // A dialog answer inside .memejury is refused at once.
    const before = await tree(f.dir);
    chosen = join(f.dir, '.memejury/governance.jsonl');
    expect(await refused(b.handle('export:chooseTarget', { format: 'fghm' }))).toMatch(/never written/);
    chosen = join(f.dir, 'items.jsonl');
    await refused(b.handle('stats:chooseReportTarget', { format: 'json' }));
    chosen = null;
    expect(await b.call('export:chooseTarget', { format: 'fghm' })).toBeNull();
    // Reading channels take no path from the page at all.
    for (const [channel, arg] of [
      ['project:import', { file: 'items.jsonl' }],
      ['score:run', { pred: 'items.jsonl' }],
      ['rights:importProvenance', { file: 'x.csv' }],
    ] as const)
      expect(await refused(b.handle(channel, arg)), channel).toMatch(/dialog/);
    expect(askedFile).toBe(0);
    expect(await b.call('project:import', {})).toBeNull();
    expect(askedFile).toBe(1);
    expect(await tree(f.dir)).toStrictEqual(before);
    await b.dispose();
  });
});

describe('reading channels (browser mode)', () => {
  it('read only inside the project or --imports folder, and never quote what a file holds', async () => {
    const f = await fixture();
    const b = await backend(f.user);
    await b.call('project:open', { dir: f.dir });
    await b.call('lead:set', { on: true });
    const before = await tree(f.base);
    let attacks = 0;
    for (const file of HOSTILE_READS(f)) {
      for (const [channel, arg] of [
        ['project:import', { file }],
        ['score:run', { pred: file }],
        ['rights:importProvenance', { file }],
      ] as const) {
        const message = await refused(b.handle(channel, arg));
        expect(message, `${channel} ${file}`).not.toMatch(/TOPSECRET|root:x|4f1c9a/);
        expect(message, `${channel} ${file}`).not.toContain('root:x');
        attacks++;
      }
    }
    expect(await tree(f.base)).toStrictEqual(before);
    // The imports folder adds a place to read from, and confines just the same.
    const withImports = await backend(await tempDir(), { importsDir: f.outside });
    await b.dispose();
    await withImports.call('project:open', { dir: f.dir });
    for (const file of ['secret.jsonl', 'secret.csv', '../project/items.jsonl']) {
      for (const [channel, arg] of [
        ['project:import', { file }],
        ['score:run', { pred: file }],
      ] as const) {
        const message = await refused(withImports.handle(channel, arg));
        expect(message, `${channel} ${file}`).not.toMatch(/TOPSECRET|root:x|4f1c9a/);
        attacks++;
      }
    }
    await withImports.dispose();
    expect(await tree(f.base)).toStrictEqual(before);
    console.log(`path confinement: ${attacks} hostile read calls refused, no file content echoed`);
  });
});
