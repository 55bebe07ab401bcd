// The labeling screen end to end, in Debian's Chromium against browser mode (`memejury serve`),
// which runs the same backend and contract as the Electron app.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { openLabeling, serveDemoPerTest, startServe } from './serve';

const ANN = 'e2e-ann';

interface Line {
  item: number;
  annotator: string;
  hate: string | null;
  pc: string[];
  attack: string[];
  ms: number;
  undo?: boolean;
  flag: boolean;
}

async function lines(): Promise<Line[]> {
  const text = await readFile(join(demo.project, `.memejury/annotations/${ANN}.jsonl`), 'utf8').catch(
    () => '',
  );
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

async function itemId(page: Page): Promise<number> {
  return Number((await page.getByTestId('item-id').textContent())?.replace('#', ''));
}

/** Presses keys, then waits until another meme is shown. */
async function pressAndAdvance(page: Page, keys: string[]): Promise<number> {
  const before = await itemId(page);
  for (const k of keys) await page.keyboard.press(k);
  await expect(page.getByTestId('item-id')).not.toHaveText(`#${before}`);
  return before;
}

const demo = serveDemoPerTest(['--annotator', ANN]);

test('labels 20 demo memes by keyboard only; every label is a line on disk', async ({ page }, info) => {
  await openLabeling(page, demo.served.url);
  await shot(page, info, 'label-blurred');
  const expected = new Map<number, Line['hate']>();
  for (let i = 0; i < 20; i++) {
    // Every fourth meme: hateful, race, dehumanizing (4 keys); the others: not hateful (1 key).
    const hateful = i % 4 === 0;
    const id = await pressAndAdvance(page, hateful ? ['h', '1', 'y', 'Enter'] : ['n']);
    expected.set(id, hateful ? 'hateful' : 'not_hateful');
  }
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  await shot(page, info, 'label-after-20');
  const onDisk = await lines();
  expect(onDisk).toHaveLength(20);
  for (const l of onDisk) {
    expect(l.annotator).toBe(ANN);
    expect(l.hate).toBe(expected.get(l.item));
    expect(l.ms).toBeGreaterThan(0);
    if (l.hate === 'hateful') {
      expect(l.pc).toStrictEqual(['race']);
      expect(l.attack).toStrictEqual(['dehumanizing']);
    } else expect([l.pc, l.attack]).toStrictEqual([[], []]);
  }
  // Blind labeling: other annotators' labels of these demo items never reach the page.
  await expect(page.locator('body')).not.toContainText('demo-ann1');
});

test('undo returns to the meme and retracts its label; back and relabel writes a new line', async ({
  page,
}, info) => {
  await openLabeling(page, demo.served.url);
  const first = await pressAndAdvance(page, ['n']);
  const second = await pressAndAdvance(page, ['n']);
  const third = await pressAndAdvance(page, ['h', '3', 'q', 'Enter']);
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');

  await page.keyboard.press('z');
  await expect(page.getByTestId('item-id')).toHaveText(`#${third}`);
  await expect(page.getByTestId('chip-hateful')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await lines()).at(-1)).toMatchObject({ item: third, undo: true });
  await shot(page, info, 'after-undo');

  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('item-id')).toHaveText(`#${second}`);
  await expect(page.getByTestId('chip-not-hateful')).toHaveAttribute('aria-pressed', 'true');
  await shot(page, info, 'back-to-labeled');
  await pressAndAdvance(page, ['h', '5', 'w', 'Enter']);
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  const forSecond = (await lines()).filter((l) => l.item === second);
  expect(forSecond.map((l) => [l.hate, l.pc, l.attack])).toStrictEqual([
    ['not_hateful', [], []],
    ['hateful', ['sex'], ['mocking']],
  ]);
  expect((await lines()).filter((l) => l.item === first)).toHaveLength(1);
});

test('labels survive a restart of the server', async ({ page }, info) => {
  await openLabeling(page, demo.served.url);
  const labeled: number[] = [];
  for (let i = 0; i < 5; i++) labeled.push(await pressAndAdvance(page, ['n']));
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  await demo.served.stop();
  demo.served = await startServe(demo.project, demo.userData);
  await openLabeling(page, demo.served.url);
  await expect(page.getByTestId('filter-done')).toContainText('5');
  await page.getByTestId('filter-done').click();
  await expect(page.getByTestId('chip-not-hateful')).toHaveAttribute('aria-pressed', 'true');
  expect(labeled).toContain(await itemId(page));
  await shot(page, info, 'done-after-restart');
});

test('hateful without a category or attack asks before saving', async ({ page }, info) => {
  await openLabeling(page, demo.served.url);
  const id = await itemId(page);
  await page.keyboard.press('h');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-incomplete')).toBeVisible();
  await shot(page, info, 'confirm-incomplete');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-incomplete')).toBeHidden();
  expect(await lines()).toHaveLength(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-incomplete')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-id')).not.toHaveText(`#${id}`);
  await expect.poll(lines).toHaveLength(1);
  expect((await lines())[0]).toMatchObject({ item: id, hate: 'hateful', pc: [], attack: [] });
});

test('a held key records once', async ({ page }) => {
  await openLabeling(page, demo.served.url);
  await page.keyboard.down('n');
  await page.keyboard.down('n');
  await page.keyboard.down('n');
  await page.keyboard.up('n');
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  expect(await lines()).toHaveLength(1);
});

test('not hateful clears categories; flag, note and help work from the keyboard', async ({ page }, info) => {
  await openLabeling(page, demo.served.url);
  await page.keyboard.press('2');
  await expect(page.getByTestId('chip-pc-disability')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('f');
  await page.keyboard.press('c');
  await page.keyboard.type('sarcasm?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Shift+Slash');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await shot(page, info, 'help');
  await page.keyboard.press('Escape');
  const id = await pressAndAdvance(page, ['n']);
  await expect.poll(lines).toHaveLength(1);
  expect((await lines())[0]).toMatchObject({ item: id, hate: 'not_hateful', pc: [], attack: [], flag: true });
  expect((await lines())[0]).toHaveProperty('note', 'sarcasm?');
});
