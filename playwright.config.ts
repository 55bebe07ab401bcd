import { defineConfig } from '@playwright/test';
import { describeChoice, findChromium } from './scripts/chromium';

// The browser comes from scripts/chromium.ts (MEMEJURY_CHROMIUM, Playwright's browsers, a system
// Chrome/Chromium, else @sparticuz/chromium from npm); never downloaded. The package is an ES
// module, so Playwright imports this file as one and the top-level await below works; each worker
// imports it again and gets the same answer (the npm Chromium is extracted once, then reused).
const browser = await findChromium();
if (!process.env.TEST_WORKER_INDEX) console.error(describeChoice(browser)); // stderr: keeps --reporter=json clean

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
  },
});
