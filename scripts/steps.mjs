// Runs test steps side by side (each type check, the lint and pytest use one core) or one after another, for
// `npm test` (scripts/test-all.mjs) and `npm run test:fast` (scripts/test-fast.mjs). A step's output is kept and
// shown when it ends (so two steps never interleave their lines), unless it inherits the terminal.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cache = path.join(root, 'node_modules', '.cache', 'connector-studio');
mkdirSync(cache, { recursive: true });

/** A direct devDependency's file (npm installs them at the top of node_modules; eslint exports no bin path). */
export const bin = (file) => path.join(root, 'node_modules', file);

/** `tsc -p tsconfig.<name>.json --noEmit`, incremental with its build info in the cache folder. */
export const typecheck = (name) => ({
  name: `typecheck ${name}`,
  args: [bin('typescript/bin/tsc'), '-p', `tsconfig.${name}.json`, '--noEmit', '--incremental',
    '--tsBuildInfoFile', path.join(cache, `tsc-${name}.tsbuildinfo`)],
});

export const lint = { name: 'lint', args: [bin('eslint/bin/eslint.js'), '.', '--cache', '--cache-location', path.join(cache, 'eslint')] };

/** Runs one step: `command` (default: this Node) with `args`. */
function run(step) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command ?? process.execPath, step.args, { cwd: root, stdio: step.inherit ? 'inherit' : 'pipe' });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ step, code: 1, output: `${error.message}\n`, seconds: 0 }));
    child.on('close', (code) => resolve({ step, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/** Runs `steps` at most `width` at a time, in order (put the longest first); resolves with every result. */
export async function runAll(steps, width) {
  const results = [];
  const queue = [...steps];
  const worker = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) results.push(await run(step));
  };
  await Promise.all(Array.from({ length: Math.min(width, steps.length) }, worker));
  return results;
}

/** Prints one line per step with its time, and the whole output of each failed step (or every step, `verbose`);
 * true when all passed. */
export function report(results, { verbose = false } = {}) {
  for (const r of results) {
    console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.step.name}: ${r.seconds.toFixed(1)} s`);
    if ((verbose || r.code !== 0) && r.output) process.stdout.write(r.output);
  }
  return results.every((r) => r.code === 0);
}
