import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Many files spawn a CLI or a station process; on a shared 2-core CI machine one can take 30 s to start.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // Most files wait on child processes, timers and fsyncs rather than the CPU: three at once on two cores.
    maxWorkers: 3,
  },
});
