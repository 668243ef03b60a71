/** Ruff in Node from the same @astral-sh/ruff-wasm-web package the renderer uses (reference/traps.md: the
 * nodejs and web builds are at different versions on the registry). initSync takes the .wasm bytes, so no
 * fetch and no Python are needed. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { initSync, Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-web';
import type { Finding } from '../../../shared/connector/findings';
import { WASM_BASELINE_FLAGS } from '../../../shared/wasm-baseline-flags';
import { RUFF_SETTINGS, ruffFindings, type RuffLinter } from '../../../shared/connector/security/ruff';

let linter: RuffLinter | undefined;

export function wasmPath(): string {
  return createRequire(import.meta.url).resolve('@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm');
}

/** Baseline-compiled on first call (shared/wasm-baseline-flags.ts). The flags only affect modules compiled
 * after they are set; nothing in this process needs another module compiled for top speed. */
function compileOnDemand(): void {
  for (const flag of WASM_BASELINE_FLAGS) v8.setFlagsFromString(flag);
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
