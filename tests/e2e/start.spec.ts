// First run in browser mode with the mouse only: profile, project, preferences, labeling.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, serveDemoPerTest } from './serve';

// The page reads files relative to the project folder or the folder given to --imports.
const demo = serveDemoPerTest(['--imports', join(ROOT, 'tests/fixtures/fghm')]);

test('a new user creates a profile and labels with the mouse', async ({ page }, info) => {
  await page.goto(demo.served.url);
  await expect(page.getByTestId('profiles')).toBeVisible();
  await expect(page.getByTestId('start-labeling')).toBeDisabled();
  await page.screenshot({ path: info.outputPath('start.png') });
  await page.getByTestId('new-profile-id').fill('mouse-user');
  await page.getByTestId('create-profile').click();
  await expect(page.getByTestId('annotator')).toHaveText('mouse-user');
  await page.getByTestId('start-labeling').click();
  await page.getByTestId('content-warning-continue').click();

  // Blurred by default (the image hidden under its veil, a softened copy in the same box); the
  // preference turns it off.
  await expect(page.getByTestId('meme-image')).toHaveClass(/blurred/);
  await expect(page.getByTestId('meme-image')).toBeHidden();
  const veil = page.getByTestId('meme-veil');
  await expect(veil).toBeVisible();
  const [imgBox, veilBox] = await Promise.all([
    page.getByTestId('meme-image').boundingBox(),
    veil.boundingBox(),
  ]);
  expect(veilBox).toEqual(imgBox);
  // A narrower window moves the image without resizing it: the veil moves with it.
  await page.setViewportSize({ width: 1024, height: 640 });
  // (Within a pixel: the veil is placed at the image's whole-pixel offsets.)
  await expect
    .poll(async () => {
      const [i, v] = await Promise.all([page.getByTestId('meme-image').boundingBox(), veil.boundingBox()]);
      if (!i || !v || i.x === imgBox?.x) return false;
      return Math.max(Math.abs(i.x - v.x), Math.abs(i.y - v.y), Math.abs(i.width - v.width)) <= 1;
    })
    .toBe(true);
  await page.getByTestId('reveal').click();
  await expect(page.getByTestId('meme-image')).not.toHaveClass(/blurred/);
  await expect(page.getByTestId('meme-image')).toBeVisible();
  await expect(veil).toHaveCount(0);
  const first = await page.getByTestId('item-id').textContent();
  await page.getByTestId('chip-hateful').click();
  await page.getByTestId('chip-pc-religion').click();
  await page.getByTestId('chip-attack-mocking').click();
  await page.getByTestId('save').click();
  await expect(page.getByTestId('item-id')).not.toHaveText(first as string);
  await page.getByTestId('chip-not-hateful').click();
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  const text = await readFile(join(demo.project, '.memejury/annotations/mouse-user.jsonl'), 'utf8');
  const lines = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { hate: string; pc: string[]; attack: string[] });
  expect(lines.map((l) => l.hate)).toStrictEqual(['hateful', 'not_hateful']);
  expect(lines[0]).toMatchObject({ pc: ['religion'], attack: ['mocking'] });

  await page.getByTestId('open-preferences').click();
  await page.getByTestId('pref-blurImages').uncheck();
  await page.getByTestId('save-preferences').click();
  await expect(page.getByTestId('meme-image')).not.toHaveClass(/blurred/);
  // Preferences belong to the profile that set them.
  const settings = JSON.parse(await readFile(join(demo.userData, 'settings.json'), 'utf8')) as {
    annotators: { id: string; preferences?: { blurImages: boolean } }[];
  };
  expect(settings.annotators.find((a) => a.id === 'mouse-user')?.preferences?.blurImages).toBe(false);
});

test('an FGHM file is imported from the project screen', async ({ page }) => {
  await page.goto(demo.served.url);
  await page.getByTestId('new-profile-id').fill('importer');
  await page.getByTestId('create-profile').click();
  await page.getByTestId('import-path').fill('test_unlabeled.jsonl');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-result')).toContainText('1000 records: 1000 new memes');
  await expect(page.getByTestId('projects')).toContainText('1,040 memes');
});
