// A labeling project of `items` memes (the demo's images reused), nobody's labels yet: the project
// the next-meme latency test (tests/e2e/latency.spec.ts) and the browser part of `memejury bench`
// (scripts/bench-browser.ts) measure on.
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function makeLabelingProject(project: string, demo: string, items: number): Promise<void> {
  await mkdir(join(project, '.memejury/annotations'), { recursive: true });
  await cp(join(demo, 'img'), join(project, 'img'), { recursive: true });
  const images: string[] = [];
  for (const e of await readdir(join(project, 'img'), { recursive: true, withFileTypes: true }))
    if (e.isFile())
      images.push(
        join(e.parentPath, e.name)
          .slice(project.length + 1)
          .split('\\')
          .join('/'),
      );
  images.sort();
  const lines: string[] = [];
  for (let i = 1; i <= items; i++)
    lines.push(
      JSON.stringify({
        id: i,
        set_name: 'bench',
        img: images[i % images.length],
        text: `benchmark meme ${i}`,
      }),
    );
  await writeFile(join(project, 'items.jsonl'), lines.join('\n') + '\n');
  await writeFile(
    join(project, '.memejury/project.json'),
    JSON.stringify({
      version: 1,
      name: 'latency',
      goldPolicy: 'fghm',
      targetAnnotators: 3,
      roster: [],
      created: new Date().toISOString(),
      queueSeed: 'bench',
    }),
  );
}
