import { defineConfig } from 'vitest/config';

// Only *.test.ts: Playwright specs are *.spec.ts and must never run here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Services under test keep their secret key in a file: a test run must never write into the developer's keychain.
    env: { CONNECTOR_STUDIO_KEYCHAIN: 'off' },
  },
});
