import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

// scripts/test.mjs sets CHROMIUM_PATH (installing Chromium when it can); run alone,
// the tests look for one the same way, and Playwright's own is the last resort.
const executablePath = process.env.CHROMIUM_PATH || (await findChromium()) || undefined;

export default defineConfig({
  testDir: './tests',
  globalSetup: './cluster/global-setup.ts',
  // One cluster is shared, and the tests change its users and sessions.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: './test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
});
