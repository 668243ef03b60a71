import { PositionEncoding, Workspace, default as init } from '@astral-sh/ruff-wasm-web';
import wasmUrl from '@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm?url';
import { RUFF_SETTINGS } from '../../../../shared/connector/security/ruff';
import type { RuffDiagnosticWithEnd } from './markers';
import type { RuffFixable } from './ruff-fixes';

/** What the wasm check returns: where each problem starts and ends, and ruff's fix when it has one. */
export type RuffCheck = RuffDiagnosticWithEnd & RuffFixable;

/** Ruff in the renderer from the same npm package and settings as the review service (reference/traps.md), so
 * the editor's markers and `connector-studio review` agree. Loaded on the first Python file only. */
export interface RuffWeb {
  check(text: string): RuffCheck[];
  format(text: string): string;
}

let loading: Promise<RuffWeb> | null = null;

export function loadRuff(): Promise<RuffWeb> {
  loading ??= init({ module_or_path: wasmUrl }).then(() => {
    // Utf16: columns count JavaScript string units, which is what Monaco counts too.
    const ws = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
    return { check: (text) => ws.check(text) as RuffCheck[], format: (text) => ws.format(text) };
  });
  return loading;
}
