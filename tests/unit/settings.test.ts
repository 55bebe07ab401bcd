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
});
