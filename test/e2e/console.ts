import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export { startConsole, type ConsoleProcess } from '../support/console-process';
import { startConsole, type ConsoleProcess, type StartOptions } from '../support/console-process';

/**
 * A console per test, with an admin signed in (data-changing channels refuse a console nobody is
 * signed in at). `test.use({ signIn: false })` starts it signed out, for tests of the sign-in; or name a role.
 */
export const test = base.extend<{ console: ConsoleProcess; signIn: StartOptions['signIn'] }>({
  signIn: ['admin', { option: true }],
  console: async ({ signIn }, use) => {
    const c = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-')), [], { signIn });
    await use(c);
    await c.stop();
  },
});

export { expect } from '@playwright/test';
