// execute.warm_ms and execute.warm_vs_fresh_process: a warm worker's round trip beyond the operation itself,
// next to starting a fresh python3 that imports the connector and runs the same operation once.
// execute.cold_first_call_ms: from a fresh runtime service (no worker yet) to the first execute result.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, emit, loadTs, median, tmp } from './lib.mjs';

const FOLDER = path.join(ROOT, 'tests/fixtures/runtime/hello-world');
const WARM_RUNS = 300;
const FRESH_RUNS = 7;
const COLD_RUNS = 5;

export async function benchRuntime() {
  const { createRuntimeService, executeOnce } = await loadTs('src/main/services/runtime/index.ts');
  const options = { dataDir: tmp('cs-bench-rt-'), runnerPath: path.join(ROOT, 'resources/python/runner.py') };
  const runtime = createRuntimeService(options);
  const operation = 'trivial';
  const warmup = await runtime.execute(FOLDER, operation, { text: 'hi' }, {});
  if (warmup.status !== 'Success') throw new Error(`warm-up failed: ${warmup.message}`);
  const beyond = [];
  const total = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const t = performance.now();
    const r = await runtime.execute(FOLDER, operation, { text: 'hi' }, {});
    const ms = performance.now() - t;
    total.push(ms);
    beyond.push(ms - (r.operationMs ?? 0));
  }
  await runtime.stopAll();
  const fresh = [];
  for (let i = 0; i < FRESH_RUNS; i++) {
    const t = performance.now();
    await executeOnce(options, FOLDER, operation, { text: 'hi' }, {});
    fresh.push(performance.now() - t);
  }
  // Cold: a new service each time, so the worker is spawned, imports the runner and the connector, then answers.
  const cold = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const t = performance.now();
    const fresh = createRuntimeService(options);
    const r = await fresh.execute(FOLDER, operation, { text: 'hi' }, {});
    cold.push(performance.now() - t);
    await fresh.stopAll();
    if (r.status !== 'Success') throw new Error(`cold call failed: ${r.message}`);
  }
  const warm = median(total);
  emit('execute.warm_ms', median(beyond), 'ms', { note: `round trip beyond the operation, median of ${WARM_RUNS}; target under 5 ms` });
  emit('execute.warm_vs_fresh_process', median(fresh) / warm, 'x', { baseline: warm, note: `fresh python3 per call ${median(fresh).toFixed(1)} ms (median of ${FRESH_RUNS}) vs warm ${warm.toFixed(2)} ms; target at least 20x` });
  emit('execute.cold_first_call_ms', median(cold), 'ms', { baseline: median(fresh), note: `fresh runtime service to the first result, median of ${COLD_RUNS}; ${(median(cold) / median(fresh)).toFixed(2)}x a fresh python3 per call, ${(median(cold) / warm).toFixed(1)}x a warm call` });
}
