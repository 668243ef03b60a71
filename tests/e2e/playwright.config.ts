import { defineConfig } from '@playwright/test';
import { wasmBaselineJsFlags } from '../../src/shared/wasm-baseline-flags';

// Browser mode end to end, in the system Chromium (never `npx playwright install`). Build first: `npm run build`.
// WebAssembly compiles as in the desktop shell (shared/wasm-baseline-flags.ts).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 2 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    viewport: { width: 1360, height: 820 },
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--js-flags=${wasmBaselineJsFlags()}`],
    },
  },
});
