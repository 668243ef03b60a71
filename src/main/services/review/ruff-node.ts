/** Ruff in Node from the same @astral-sh/ruff-wasm-web package the renderer uses (reference/traps.md: the
 * nodejs and web builds are at different versions on the registry). initSync takes the .wasm bytes, so no
 * fetch and no Python are needed. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { initSync, Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-web';
import type { Finding } from '../../../shared/connector/findings';
import { RUFF_SETTINGS, ruffFindings, type RuffLinter } from '../../../shared/connector/security/ruff';

let linter: RuffLinter | undefined;

export function wasmPath(): string {
  return createRequire(import.meta.url).resolve('@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm');
}

/**
 * V8's default for an 11 MB module is to compile it twice: a quick baseline, then every function again with its
 * optimizing compiler on background threads. For the few files of a connector the second compile is wasted, and
 * on a 2-core machine it takes the core pyright runs on in a review (2 s of CPU; the process waits for it before
 * it exits). Baseline code compiled on first call checks a connector in a tenth of that. The flags only affect
 * modules compiled after they are set; this process compiles no other WebAssembly it needs fast.
 */
function compileOnDemand(): void {
  v8.setFlagsFromString('--liftoff-only');
  v8.setFlagsFromString('--wasm-lazy-compilation');
}

/** One Workspace per process: compiling the module takes ~50 ms, checking a file a few ms. */
export function ruffLinter(): RuffLinter {
  if (!linter) {
    compileOnDemand();
    initSync({ module: readFileSync(wasmPath()) });
    // Utf16: columns count JavaScript string units, like every other finding.
    linter = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
  }
  return linter;
}

export const ruffVersion = (): string => (ruffLinter(), Workspace.version());

/** Ruff and syntax findings for every .py file of a file map. */
export function lintPython(files: Readonly<Record<string, string>>): Finding[] {
  const ruff = ruffLinter();
  return Object.entries(files)
    .filter(([p]) => p.endsWith('.py'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([p, text]) => ruffFindings(ruff, p, text));
}
