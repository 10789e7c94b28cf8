import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export { startConsole, type ConsoleProcess } from '../support/console-process';
import { startConsole, type ConsoleProcess } from '../support/console-process';

export const test = base.extend<{ console: ConsoleProcess }>({
  console: async ({}, use) => {
    const c = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-')));
    await use(c);
    await c.stop();
  },
});

export { expect } from '@playwright/test';
