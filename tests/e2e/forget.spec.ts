// The data-rights screen in browser mode: provenance edited by the lead, an item forgotten,
// the audit clean, and the files on disk without the item.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { becomeLead, serveDemoPerTest } from './serve';

const demo = serveDemoPerTest(['--annotator', 'lead-1']);

test('a lead records provenance, forgets a meme, and the audit finds nothing left', async ({
  page,
}, info) => {
  await page.goto(demo.served.url);
  await becomeLead(page);
  await page.getByTestId('nav-rights').click();
  await page.getByTestId('rights-id').fill('3');
  await page.getByTestId('rights-lookup').click();
  await page.getByTestId('prov-source').fill('forum scrape 2026');
  await page.getByTestId('prov-licence').fill('CC-BY-4.0');
  await page.getByTestId('prov-consent').selectOption('yes');
  await page.getByTestId('prov-region').fill('EU');
  await page.getByTestId('prov-save').click();
  await expect(page.getByText('History (1)')).toBeVisible();
  await page.screenshot({ path: info.outputPath('rights.png'), fullPage: true });

  const img = (await readFile(join(demo.project, 'demo.jsonl'), 'utf8'))
    .split('\n')
    .find((l) => l.includes('"id":3,')) as string;
  const imgPath = join(demo.project, (JSON.parse(img) as { img: string }).img);
  expect(existsSync(imgPath)).toBe(true);
  await page.getByTestId('forget-reason').fill('erasure request #12');
  await page.getByTestId('forget-requested-by').fill('creator of the image');
  // By keyboard from here: Tab to "Forget…" and press it; the dialog gives the focus back to it.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('forget-start')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('forget-confirm')).toBeVisible();
  // The dialog shows what goes, starts on Cancel (Enter there cancels), and wants the id typed.
  await expect(page.getByTestId('forget-preview')).toContainText('#3');
  await expect(page.getByTestId('forget-confirm-cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('forget-confirm')).toBeHidden();
  await expect(page.getByTestId('forget-start')).toBeFocused();
  expect(existsSync(imgPath)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('forget-confirm-ok')).toBeDisabled();
  await expect(page.getByTestId('forget-confirm-cancel')).toBeFocused();
  // Tab cycles inside the dialog: Cancel → Forget (disabled, skipped) → the id field.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('forget-confirm-type')).toBeFocused();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('forget-confirm')).toBeVisible();
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('forget-result')).toContainText('Forgotten');
  await page.getByTestId('audit-run').click();
  await expect(page.getByTestId('audit-result')).toHaveAttribute('data-findings', '0');
  await expect(page.getByTestId('tombstones')).toContainText('erasure request #12');
  await expect(page.getByTestId('tombstones')).toContainText('creator of the image');

  expect(existsSync(imgPath)).toBe(false);
  const mentions = (text: string): boolean => /"(id|item)":3[,}]/.test(text);
  expect(mentions(await readFile(join(demo.project, 'demo.jsonl'), 'utf8'))).toBe(false);
  for (const f of await readdir(join(demo.project, '.memejury/annotations')))
    expect(mentions(await readFile(join(demo.project, '.memejury/annotations', f), 'utf8')), f).toBe(false);
  expect(mentions(await readFile(join(demo.project, '.memejury/governance.jsonl'), 'utf8'))).toBe(false);

  // The lead's view of every meme no longer holds it.
  await page.getByTestId('nav-browse').click();
  await expect(page.getByTestId('browse-count')).toContainText('39 memes');
  await expect(page.getByTestId('thumb-2')).toBeVisible();
  await expect(page.getByTestId('thumb-3')).toHaveCount(0);
});

test('a lead forgets an annotator from the data-rights screen by keyboard; their file goes, the audit is clean', async ({
  page,
}) => {
  await page.goto(demo.served.url);
  await becomeLead(page);
  await page.getByTestId('nav-rights').click();
  const file = join(demo.project, '.memejury/annotations/demo-ann2.jsonl');
  expect(existsSync(file)).toBe(true);
  await page.getByTestId('forget-annotator-id').focus();
  await page.getByTestId('forget-annotator-id').selectOption('demo-ann2');
  await page.getByTestId('forget-annotator-reason').fill('withdrew consent');
  await page.getByTestId('forget-annotator-requested-by').fill('the annotator, by email');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('forget-annotator-confirm')).toContainText('Forget annotator demo-ann2?');
  await expect(page.getByTestId('forget-annotator-confirm-cancel')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-ann2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('forget-result')).toContainText('Forgotten');
  await expect(page.getByTestId('forget-result')).toBeFocused();
  expect(existsSync(file)).toBe(false);
  await expect(page.getByTestId('forget-annotator-id').locator('option')).not.toContainText(['demo-ann2']);
  await page.getByTestId('audit-run').click();
  await expect(page.getByTestId('audit-result')).toHaveAttribute('data-findings', '0');
});
