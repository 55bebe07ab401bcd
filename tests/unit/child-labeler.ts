// A second app labeling without pause, for the concurrency test of forgetting: started as its
// own process (node --import tsx), it saves labels until SIGTERM, then prints what it saved.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backend } from '../../electron/services/backend';

const [dir, annotator] = process.argv.slice(2);
const user = await mkdtemp(join(tmpdir(), 'memejury-child-'));
const b = await Backend.create({
  mode: 'browser',
  version: 't',
  settingsPath: join(user, 's.json'),
  demoSource: '',
  demoTarget: '',
});
await b.handle('annotator:create', { id: annotator });
await b.handle('project:open', { dir });
const { ids } = (await b.handle('queue:list', { filter: 'all' })) as { ids: number[] };
let stop = false;
process.on('SIGTERM', () => {
  stop = true;
});
const saved: number[] = [];
let refused = 0;
process.stdout.write('ready\n');
for (let i = 0; !stop; i++) {
  const id = ids[i % 60];
  try {
    await b.handle('annotation:save', {
      item: id,
      hate: i % 3 ? 'not_hateful' : 'hateful',
      pc: i % 3 ? [] : ['race'],
      attack: i % 3 ? [] : ['mocking'],
      ms: 1000 + i,
      note: '',
      flag: false,
    });
    saved.push(id);
  } catch {
    refused++; // the item was forgotten meanwhile
  }
  if (i % 25 === 0) process.stdout.write(`saved ${saved.length}\n`);
  await new Promise((r) => setTimeout(r, 3));
}
await b.dispose();
process.stdout.write(JSON.stringify({ saved, refused }) + '\n');
process.exit(0);
