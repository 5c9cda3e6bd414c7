import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: one server and one Chromium at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // What a page shows follows the server's work (a save, a re-screen) and the page's own render; on a busy
    // 2-core machine that takes seconds, not the default one second. A poll still fails if the page never gets there.
    expect: { poll: { timeout: 15_000 } },
  },
});
