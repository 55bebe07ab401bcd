// A labeling app that is killed mid-save (the kill tests and `npm run soak`): started as its own
// process (node --import tsx), it opens the project for one annotator and saves labels without
// pause, printing "ack <ms>" only after each save resolved (fsynced, as the UI shows "Saved ✓").
// Every `ms` value is unique, so the parent can find each acknowledged save in the file.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backend } from '../../electron/services/backend';

const [dir, annotator, base] = process.argv.slice(2);
const user = await mkdtemp(join(tmpdir(), 'memejury-saver-'));
const b = await Backend.create({
  mode: 'browser',
  version: 't',
  settingsPath: join(user, 's.json'),
  demoSource: '',
  demoTarget: '',
});
await b.handle('annotator:create', { id: annotator });
await b.handle('project:open', { dir });
const ids = b.session.project!.items.map((it) => it.id);
process.stdout.write('ready\n');
// At most 19,999 saves, so `ms` stays within this attempt's range (kill.ts, SAVE_STRIDE).
for (let i = 0; i < 19_999; i++) {
  const ms = Number(base) + i;
  await b.handle('annotation:save', {
    item: ids[i % ids.length],
    hate: i % 3 ? 'not_hateful' : 'hateful',
    pc: i % 3 ? [] : ['race'],
    attack: i % 3 ? [] : ['mocking'],
    ms,
    note: i % 7 === 0 ? 'a longer note so that lines differ in length '.repeat(3) : '',
    flag: false,
  });
  process.stdout.write(`ack ${ms}\n`);
}
