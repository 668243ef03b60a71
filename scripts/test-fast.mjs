// `npm run test:fast`: typecheck, lint and the unit tests that need no Python, pyright or build
// (vitest.fast.config.ts), for the edit-and-test loop; `npm test` runs everything. The type checks and the lint
// run side by side (each uses one core) and keep caches in node_modules/.cache, so a second run checks only
// what changed. Prints each step's time: keep the whole under 3 minutes.
import { availableParallelism } from 'node:os';
import { bin, lint, report, runAll, typecheck } from './steps.mjs';

const unit = { name: 'unit tests (fast)', args: [bin('vitest/vitest.mjs'), 'run', '-c', 'vitest.fast.config.ts'], inherit: true };

const started = Date.now();
const checked = report(await runAll([...['node', 'web', 'webtest', 'e2e'].map(typecheck), lint], availableParallelism()));
const tested = checked && report(await runAll([unit], 1));
console.log(`test:fast ${checked && tested ? 'passed' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(checked && tested ? 0 : 1);
