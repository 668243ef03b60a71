/** Ruff's fixes from the same wasm package and settings as the editor (loaded from disk here), applied as the
 * editor applies them: each fixed file no longer has the finding. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-web';
import { describe, expect, it } from 'vitest';
import { RUFF_SETTINGS } from '../../src/shared/connector/security/ruff';
import { applyRangeEdits, ruffFix, ruffFixAt, type RuffFixable } from '../../src/renderer/src/features/python-lint/ruff-fixes';

initSync({ module: readFileSync(createRequire(import.meta.url).resolve('@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm')) });
const ruff = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
const check = (text: string) => ruff.check(text) as RuffFixable[];

describe('ruff quick fixes', () => {
  it.each([
    ['F401 unused import', 'import os\nimport sys\n\nprint(sys.argv)\n', 'F401'],
    ['F541 f-string without placeholders', "x = f'plain'\nprint(x)\n", 'F541'],
    ['W291 trailing whitespace', 'x = 1   \nprint(x)\n', 'W291'],
    ['W292 no newline at the end', 'print(1)', 'W292'],
    ['E711 comparison to None', 'x = 1\nif x == None:\n    print(x)\n', 'E711'],
  ])('%s: the fixed file no longer has it', (_what, text, code) => {
    const d = check(text).find((x) => x.code === code);
    const fix = d && ruffFix(d);
    expect(fix?.title.length).toBeGreaterThan(3);
    const fixed = applyRangeEdits(text, fix?.edits ?? []);
    expect(fixed).not.toBe(text);
    expect(check(fixed).filter((x) => x.code === code)).toEqual([]);
  });

  it('finds the fix of the diagnostic a marker names, and none for a syntax error', () => {
    const text = 'import os\nimport json\n';
    const json = check(text).find((x) => x.start_location.row === 2);
    expect(ruffFixAt(check(text), 'F401', 2, json?.start_location.column ?? 0)?.title).toMatch(/json/);
    expect(ruffFixAt(check(text), 'F401', 5, 1)).toBeUndefined();
    const broken = check('def (:\n');
    expect(broken.map(ruffFix).filter(Boolean)).toEqual([]);
  });
});
