import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanImages } from '../../electron/services/projectFiles';
import { initProject, Project, ProjectError } from '../../electron/services/project';
import { tempDir } from './helpers';

describe('project folder', () => {
  it('refuses a folder that is not a project, with the command that fixes it', async () => {
    const dir = await tempDir();
    await expect(Project.open(dir)).rejects.toThrow(ProjectError);
    await expect(Project.open(dir)).rejects.toThrow(/memejury init/);
  });

  it('finds images at any depth, makes items of unlisted ones and reports missing files', async () => {
    const dir = await tempDir();
    await initProject(dir, { name: 'demo' });
    await mkdir(join(dir, 'img/deep/er'), { recursive: true });
    for (const f of [
      'img/00001.png',
      'img/deep/er/cat.JPG',
      'img/deep/b.webp',
      'img/x.gif',
      'img/y.jpeg',
      'img/notes.txt',
    ])
      await writeFile(join(dir, f), 'x');
    await mkdir(join(dir, 'img/.hidden'), { recursive: true });
    await writeFile(join(dir, 'img/.hidden/z.png'), 'x');
    await writeFile(
      join(dir, 'list.jsonl'),
      [
        { id: 1, img: 'img/00001.png', text: 'one', set_name: 'dev' },
        { id: 7, img: 'img/00007.png', text: 'missing' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    const p = await Project.open(dir);
    expect(p.config.name).toBe('demo');
    expect([...p.images].sort()).toStrictEqual([
      'img/00001.png',
      'img/deep/b.webp',
      'img/deep/er/cat.JPG',
      'img/x.gif',
      'img/y.jpeg',
    ]);
    expect(p.missingImages).toStrictEqual(['img/00007.png']);
    expect(p.items.map((i) => i.id)).toStrictEqual([1, 7, 'img/deep/b', 'img/deep/er/cat', 'img/x', 'img/y']);
    expect(p.item(1)?.set_name).toBe('dev');
    await p.close();
  });

  it('two image files whose names give one item id are both items, and the lead is told', async () => {
    const dir = await tempDir();
    await initProject(dir, { name: 'dup' });
    await mkdir(join(dir, 'img/batch2'), { recursive: true });
    for (const f of ['img/00001.png', 'img/00001.webp', 'img/batch2/00001.jpg', 'img/00002.png'])
      await writeFile(join(dir, f), 'x');
    const p = await Project.open(dir);
    expect(p.items.map((i) => [i.id, i.img])).toStrictEqual([
      [1, 'img/00001.png'],
      ['img/00001', 'img/00001.webp'],
      [2, 'img/00002.png'],
      ['img/batch2/00001', 'img/batch2/00001.jpg'],
    ]);
    expect(p.warnings).toStrictEqual([
      'img/00001.webp: its name gives item id 1, which is already img/00001.png; added as item "img/00001"',
      'img/batch2/00001.jpg: its name gives item id 1, which is already img/00001.png; added as item "img/batch2/00001"',
    ]);
    await p.close();
  });

  it('reports bad item-list lines as file:line and opens anyway', async () => {
    const dir = await tempDir();
    await initProject(dir);
    await writeFile(
      join(dir, 'list.jsonl'),
      '{"id":1,"img":"a.png","text":"a"}\n{"id":2,"img":5,"text":"b"}\n',
    );
    const p = await Project.open(dir);
    expect(p.problems()).toStrictEqual(['list.jsonl:2: field "img": expected an image path']);
    expect(p.items).toHaveLength(1);
    await p.close();
  });

  it('scans 100,000 image files without blocking the event loop', async () => {
    const dir = await tempDir('memejury-scan-', true);
    const per = 1000;
    for (let d = 0; d < 100; d++) {
      const sub = join(dir, `img/${d}`);
      await mkdir(sub, { recursive: true });
      await Promise.all(
        Array.from({ length: per }, (_, i) => writeFile(join(sub, `${d * per + i}.png`), '')),
      );
    }
    let ticks = 0;
    let worstGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      ticks++;
    }, 5);
    const progress: number[] = [];
    const t = performance.now();
    const found = await scanImages(dir, (n) => progress.push(n));
    const elapsed = performance.now() - t;
    clearInterval(timer);
    expect(found).toHaveLength(100_000);
    expect(progress.length).toBeGreaterThan(10);
    // Timers kept firing throughout: no long synchronous stretch.
    expect(ticks).toBeGreaterThan(elapsed / 50);
    expect(worstGap).toBeLessThan(250);
  }, 180_000);
});
