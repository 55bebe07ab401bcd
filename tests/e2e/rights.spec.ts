// Data rights by keyboard: an imported provenance file shows at once in the meme on display,
// Show reads the meme again, and Save sends only what changed (nothing changed: nothing to save).
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { closeLeadSession, openAsLead, tabTo, type LeadSession } from './leadSession';
import { DEMO, tempCopy } from './serve';

let s: LeadSession | undefined;
test.beforeEach(async () => {
  s = await openAsLead(await tempCopy(DEMO));
});
test.afterEach(async () => {
  await closeLeadSession(s);
  s = undefined;
});

async function provenanceEvents(): Promise<Record<string, unknown>[]> {
  return (await readFile(join(s!.project, '.memejury/governance.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((e) => e.type === 'provenance');
}

async function openRights(page: Page): Promise<void> {
  await page.goto(s!.served.url);
  await page.getByTestId('nav-start').click();
  await tabTo(page, 'lead-toggle');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lead-toggle')).toHaveText(/Turn off lead mode/);
  await tabTo(page, 'nav-rights');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rights')).toBeVisible();
}

test('an imported provenance file shows in the meme on display; Show reads it again; Save sends only changes', async ({
  page,
}) => {
  await openRights(page);
  await tabTo(page, 'rights-id');
  // Enter with no id says what to type, and asks nothing of the backend.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Type the id of a meme first');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeHidden();
  await expect(page.getByTestId('prov-source')).toHaveValue('');
  // Nothing changed: nothing to save.
  await expect(page.getByTestId('prov-save')).toBeDisabled();

  await writeFile(
    join(s!.project, 'provenance.csv'),
    'id,source,licence,consent,region\n3,forum scrape,CC0,yes,EU\n',
  );
  await tabTo(page, 'sidecar-path');
  await page.keyboard.type('provenance.csv');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Provenance: 1 change from 1 row recorded in governance.jsonl.')).toBeVisible();
  await expect(page.getByTestId('prov-source')).toHaveValue('forum scrape');
  await expect(page.getByTestId('prov-consent')).toHaveValue('yes');
  await expect(page.getByTestId('prov-save')).toBeDisabled();

  // Another app records a change; Show for the same id reads it.
  await appendFile(
    join(s!.project, '.memejury/governance.jsonl'),
    JSON.stringify({
      v: 1,
      type: 'provenance',
      item: 3,
      set: { region: 'UK' },
      by: 'lead-2',
      at: new Date().toISOString(),
      via: 'app',
    }) + '\n',
  );
  await expect.poll(provenanceEvents).toHaveLength(2);
  await tabTo(page, 'rights-lookup');
  await expect
    .poll(async () => {
      await page.keyboard.press('Enter');
      return page.getByTestId('prov-region').inputValue();
    })
    .toBe('UK');

  // One field changed: Save is on, and the event holds that field alone.
  await tabTo(page, 'prov-licence');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('CC-BY-4.0');
  await expect(page.getByTestId('prov-save')).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await provenanceEvents()).length).toBe(3);
  expect((await provenanceEvents())[2]).toMatchObject({ item: 3, set: { licence: 'CC-BY-4.0' } });
  expect(Object.keys((await provenanceEvents())[2].set as object)).toStrictEqual(['licence']);
  await expect(page.getByTestId('prov-licence')).toHaveValue('CC-BY-4.0');
  await expect(page.getByTestId('prov-save')).toBeDisabled();
});
