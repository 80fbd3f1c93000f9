import { defineConfig } from 'vitest/config';

// Offline tests only: everything here runs without network or keys.
// Tests that need a live hosted service live under test/live and run with `npm run test:live`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/live/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
