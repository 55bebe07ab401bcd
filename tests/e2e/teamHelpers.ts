// What the team and keyboard specs share: the label lines an annotator's log holds, the meme on
// screen, and moving the focus by Tab as a user would.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { WindowApi } from '../../shared/api';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

export interface Line {
  item: number | string;
  hate: string | null;
  note: string;
  flag: boolean;
  skip?: string;
  undo?: boolean;
}

export async function jsonl<T>(path: string): Promise<T[]> {
  return (await readFile(path, 'utf8').catch(() => ''))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export const itemId = async (page: Page): Promise<string> =>
  ((await page.getByTestId('item-id').textContent()) ?? '').replace('#', '');

/** Tabs until the element with `testId` has the focus (keyboard only, like a user would). */
export async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.getByTestId(testId).evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}
