import { defineConfig } from 'vitest/config';

// Unit and integration tests. Each file gets its own real database (see test/helpers.ts), so files run in
// parallel across the machine's cores without sharing state.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
