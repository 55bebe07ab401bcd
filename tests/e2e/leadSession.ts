// A served project whose roster already names the lead (as the lead's own app would have
// recorded it), and keyboard helpers, for specs that start on the lead's screens.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { removeTemp, startServe, type Served } from './serve';

export const LEAD = 'lead-1';

export interface LeadSession {
  project: string;
  userData: string;
  served: Served;
}

/** Adds LEAD to the project's roster as its lead. */
export async function makeLead(project: string): Promise<void> {
  const file = join(project, '.memejury/project.json');
  const config = JSON.parse(await readFile(file, 'utf8')) as { roster: { id: string; role: string }[] };
  config.roster = [...config.roster.filter((r) => r.id !== LEAD), { id: LEAD, role: 'lead' }];
  await writeFile(file, JSON.stringify(config, null, 2) + '\n');
}

/** Serves `project` (a throwaway folder, removed by closeLeadSession) to LEAD, its lead. */
export async function openAsLead(project: string): Promise<LeadSession> {
  await makeLead(project);
  const userData = await mkdtemp(join(tmpdir(), 'memejury-user-'));
  return { project, userData, served: await startServe(project, userData, ['--annotator', LEAD]) };
}

export async function closeLeadSession(s: LeadSession | undefined): Promise<void> {
  if (!s) return;
  await s.served.stop();
  await removeTemp(s.project);
  await rm(s.userData, { recursive: true, force: true });
}

/** Presses Tab until the control with `testId` has the focus. */
export async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (at === testId) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}
