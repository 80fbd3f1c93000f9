import { defineConfig } from 'vitest/config';

// Tests against real hosted services (Slack, Azure, OpenAI). Never run in CI; need keys in the environment.
export default defineConfig({
  test: { include: ['test/live/**/*.test.ts'], testTimeout: 120_000 },
});
