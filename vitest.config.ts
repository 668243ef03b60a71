import { defineConfig } from 'vitest/config';

// Only *.test.ts: Playwright specs are *.spec.ts and must never run here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
