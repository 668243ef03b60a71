import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Only *.test.ts: Playwright specs are *.spec.ts and must never run here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default leaves one core free, which on a 2-core machine is one worker for 270 files. Most tests
    // wait on Python, git or pyright rather than compute, so one worker more than the cores keeps both busy.
    maxWorkers: availableParallelism() + 1,
    // Services under test keep their secret key in a file: a test run must never write into the developer's keychain.
    env: { CONNECTOR_STUDIO_KEYCHAIN: 'off' },
  },
});
