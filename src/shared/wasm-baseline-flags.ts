/**
 * V8 flags that compile WebAssembly with its baseline compiler only, and each function on its first call.
 *
 * ruff's module is 11 MB. By default V8 compiles it once quickly, then again with its optimizing compiler on
 * background threads. For the few small files of a connector, that second compile is wasted: it takes about 2 s of
 * CPU. On a 2-core machine it competes with pyright for a core. Baseline code checks a connector in a tenth of that
 * time.
 *
 * Set in the Node processes that load ruff (review/ruff-node.ts) and in the desktop shell's renderers. The end-to-end
 * browser gets them too, so it runs what the desktop app runs.
 */
export const WASM_BASELINE_FLAGS: readonly string[] = ['--liftoff-only', '--wasm-lazy-compilation'];

/** The flags as one `--js-flags` value for Chromium. */
export const wasmBaselineJsFlags = (): string => WASM_BASELINE_FLAGS.join(' ');
