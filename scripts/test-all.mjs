// `npm test`: everything CI runs. First, side by side (each uses about one core, so the machine's cores are
// busy and no step waits for another it does not need): the five type checks, the lint, the Python runtime's
// pytest and ruff, and the build the end-to-end tests and some unit tests start. Then the unit tests (vitest
// spreads over the cores itself), then the end-to-end tests (Playwright, two workers). A failed first phase
// stops the run there; each step's time is printed.
import { availableParallelism } from 'node:os';
import { bin, lint, report, runAll, typecheck } from './steps.mjs';

const checks = [
  lint,
  { name: 'build', args: ['scripts/build.mjs'] },
  ...['node', 'web', 'services', 'webtest', 'e2e'].map(typecheck),
  { name: 'pytest (Python runtime)', command: 'python3', args: ['-B', '-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'resources/python/tests'] },
  { name: 'ruff (Python runtime)', args: ['scripts/ruff-python.mjs'] },
];
const unit = { name: 'unit tests', args: [bin('vitest/vitest.mjs'), 'run'], inherit: true };
const e2e = { name: 'end-to-end tests', args: [bin('@playwright/test/cli.js'), 'test', '-c', 'tests/e2e/playwright.config.ts'], inherit: true };

const started = Date.now();
const passed = report(await runAll(checks, Math.max(2, availableParallelism())))
  && report(await runAll([unit], 1))
  && report(await runAll([e2e], 1));
console.log(`npm test ${passed ? 'passed' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(passed ? 0 : 1);
