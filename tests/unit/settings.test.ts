import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../electron/services/settings';
import { tempDir } from './helpers';

describe('settings (lowdb, real file)', () => {
  it('writes to disk, even under vitest (NODE_ENV=test), and reads back', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const dir = await tempDir();
    const file = join(dir, 'settings.json');
    const s = await SettingsStore.open(file);
    await s.addAnnotator('ann-a', 'Ana');
    await s.touchRecent('/data/p1', 'p1');
    await s.touchRecent('/data/p2', 'p2');
    await s.touchRecent('/data/p1', 'p1');
    await s.setPreferences({ blurImages: false, breakMinutes: 30 });
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk.currentAnnotator).toBe('ann-a');
    const again = (await SettingsStore.open(file)).get();
    expect(again.annotators.map((a) => a.id)).toStrictEqual(['ann-a']);
    expect(again.recentProjects.map((r) => r.dir)).toStrictEqual(['/data/p1', '/data/p2']);
    expect(again.preferences).toMatchObject({ blurImages: false, breakMinutes: 30, contentWarning: true });
  });

  it('rejects bad profile ids and bad preference values', async () => {
    const s = await SettingsStore.open(join(await tempDir(), 'settings.json'));
    await expect(s.addAnnotator('../evil')).rejects.toThrow(/field "id"/);
    await expect(s.setPreferences({ breakMinutes: -5 })).rejects.toThrow();
  });

  it('moves an unreadable settings file aside instead of overwriting it', async () => {
    const dir = await tempDir();
    const file = join(dir, 'settings.json');
    await writeFile(file, '{"version":1,"annotators":[{"id":5}]}');
    const s = await SettingsStore.open(file);
    expect(s.warning).toMatch(/settings\.json: field "annotators\.0\.id"/);
    await s.addAnnotator('ann-b');
    const names = await readdir(dir);
    const aside = names.find((n) => n.startsWith('settings.json.unreadable-')) as string;
    expect(await readFile(join(dir, aside), 'utf8')).toBe('{"version":1,"annotators":[{"id":5}]}');
  });

  it('two apps on one settings file never overwrite each other; each keeps its profile and its preferences', async () => {
    const file = join(await tempDir(), 'settings.json');
    const a = await SettingsStore.open(file);
    const b = await SettingsStore.open(file);
    await a.addAnnotator('ann-a');
    await b.addAnnotator('ann-b');
    await Promise.all([
      a.setPreferences({ breakMinutes: 5 }),
      b.setPreferences({ blurImages: false }),
      a.touchRecent('/p/a', 'a'),
      b.touchRecent('/p/b', 'b'),
    ]);
    // Each app still labels as its own profile, with its own preferences.
    expect(a.get()).toMatchObject({
      currentAnnotator: 'ann-a',
      preferences: { breakMinutes: 5, blurImages: true },
    });
    expect(b.get()).toMatchObject({
      currentAnnotator: 'ann-b',
      preferences: { breakMinutes: 20, blurImages: false },
    });
    const onDisk = (await SettingsStore.open(file)).get();
    expect(onDisk.annotators.map((p) => p.id).sort()).toStrictEqual(['ann-a', 'ann-b']);
    expect(onDisk.recentProjects.map((r) => r.dir).sort()).toStrictEqual(['/p/a', '/p/b']);
    expect(onDisk.annotators.find((p) => p.id === 'ann-a')?.preferences?.breakMinutes).toBe(5);
    expect(onDisk.annotators.find((p) => p.id === 'ann-b')?.preferences?.blurImages).toBe(false);
    // A profile switch in one app leaves the other app's profile alone.
    await a.selectAnnotator('ann-b');
    expect(b.get().currentAnnotator).toBe('ann-b');
    await b.selectAnnotator('ann-a');
    expect(a.get().currentAnnotator).toBe('ann-b');
    expect(a.get().preferences.blurImages).toBe(false);
    expect(b.get().preferences.breakMinutes).toBe(5);
    expect((await readdir(join(file, '..'))).filter((n) => n.endsWith('.lock'))).toStrictEqual([]);
  });

  it('many concurrent writes through two stores lose nothing', async () => {
    const file = join(await tempDir(), 'settings.json');
    const stores = await Promise.all([SettingsStore.open(file), SettingsStore.open(file)]);
    await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2].touchRecent(`/p/${i}`, `p${i}`)));
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { recentProjects: unknown[] };
    // Only the ten most recent are kept, and each of them is one of ours.
    expect(onDisk.recentProjects).toHaveLength(10);
    await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2].addAnnotator(`ann-${i}`)));
    expect((await SettingsStore.open(file)).get().annotators).toHaveLength(20);
  });
});
