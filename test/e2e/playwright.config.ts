import { defineConfig } from '@playwright/test';

// Browser mode in Debian's Chromium; Playwright never downloads a browser here.
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts$/,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two files at once: a test spends most of its time waiting on the page or the console, and two fit a
  // 2-core CI machine (the suite at 1.2 cores, 5 min instead of 7.5). Tests of one file stay in order.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/e2e',
  use: {
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
    trace: 'retain-on-failure',
  },
});
