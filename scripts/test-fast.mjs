// `npm run test:fast`: typecheck, lint and the unit tests that need no Python, pyright or build
// (vitest.fast.config.ts), for the edit-and-test loop; `npm test` runs everything. The type checks and the lint
// run side by side (each uses one core) and keep caches in node_modules/.cache, so a second run checks only
// what changed. Prints each step's time: keep the whole under 3 minutes.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, 'node_modules', '.cache', 'connector-studio');
// Direct devDependencies, so npm installs them at the top of node_modules (eslint exports no bin path).
const bin = (file) => path.join(root, 'node_modules', file);
mkdirSync(cache, { recursive: true });

const typecheck = ['node', 'web', 'webtest', 'e2e'].map((name) => ({
  name: `typecheck ${name}`,
  args: [bin('typescript/bin/tsc'), '-p', `tsconfig.${name}.json`, '--noEmit', '--incremental',
    '--tsBuildInfoFile', path.join(cache, `tsc-${name}.tsbuildinfo`)],
}));
const lint = { name: 'lint', args: [bin('eslint/bin/eslint.js'), '.', '--cache', '--cache-location', path.join(cache, 'eslint')] };
const unit = { name: 'unit tests (fast)', args: [bin('vitest/vitest.mjs'), 'run', '-c', 'vitest.fast.config.ts'], inherit: true };

/** Runs one step; output is kept and shown only when it fails, unless `inherit` (vitest reports as it goes). */
function run(step) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, step.args, { cwd: root, stdio: step.inherit ? 'inherit' : 'pipe' });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ step, code: 1, output: `${error.message}\n`, seconds: 0 }));
    child.on('close', (code) => resolve({ step, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

async function runAll(steps, width) {
  const results = [];
  const queue = [...steps];
  const worker = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) results.push(await run(step));
  };
  await Promise.all(Array.from({ length: Math.min(width, steps.length) }, worker));
  return results;
}

const started = Date.now();
const report = (results) => {
  for (const r of results) {
    console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.step.name}: ${r.seconds.toFixed(1)} s`);
    if (r.code !== 0 && r.output) process.stdout.write(r.output);
  }
  return results.every((r) => r.code === 0);
};

const checked = report(await runAll([...typecheck, lint], availableParallelism()));
const tested = checked && report(await runAll([unit], 1));
console.log(`test:fast ${checked && tested ? 'passed' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(checked && tested ? 0 : 1);
