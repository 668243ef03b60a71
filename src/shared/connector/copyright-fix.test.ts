import { describe, expect, it } from 'vitest';
import { ciCopyrightBlock, hasCiCopyrightBlock } from './certification/ci-lists';
import { copyrightBlockFix, withCiCopyrightBlock } from './copyright-fix';
import type { Finding } from './findings';

const BLOCK = ciCopyrightBlock(2026);

describe('the copyright block fix', () => {
  it('puts the block at the top of a file without one, a blank line before the code', () => {
    expect(withCiCopyrightBlock('import os\n', 2026)).toBe(`${BLOCK}\n\nimport os\n`);
    expect(withCiCopyrightBlock('', 2026)).toBe(`${BLOCK}\n`);
  });

  it('keeps a shebang and an encoding line first, and the __future__ imports before it', () => {
    expect(withCiCopyrightBlock('#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nx = 1\n', 2026)).toBe(`#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n${BLOCK}\n\nx = 1\n`);
    const future = '"""Doc."""\nfrom __future__ import annotations\nimport os\n';
    expect(withCiCopyrightBlock(future, 2026)).toBe(`"""Doc."""\nfrom __future__ import annotations\n${BLOCK}\n\nimport os\n`);
  });

  it('corrects a block of the wizard\'s shape: holder, licence and year, in the file\'s own line ends', () => {
    const partner = '"""\r\nCopyright start\r\nLicensed under the Apache License, Version 2.0\r\nCopyright (c) 2024 Acme Corp\r\nCopyright end\r\n"""\r\nimport os\r\n';
    const fixed = withCiCopyrightBlock(partner, 2026);
    expect(fixed).toBe(`${BLOCK.replace(/\n/g, '\r\n')}\r\nimport os\r\n`);
    expect(hasCiCopyrightBlock(fixed, 2026)).toBe(true);
  });

  it('fixes every flagged file at once, with the year the check asked for', () => {
    const finding = (path: string): Finding => ({ rule: 'cert-copyright-block', source: 'certification', severity: 'error', message: `${path}: no copyright block`, path, line: 1, fix: `Put this block at the top of the file:\n${ciCopyrightBlock(2031)}` });
    const files = { 'connector.py': 'import os\n', 'operations.py': 'x = 1\n', 'utils.py': `${ciCopyrightBlock(2031)}\n` };
    const result = copyrightBlockFix(files, [finding('connector.py'), finding('operations.py')]);
    expect(result?.edits.map((e) => e.path)).toEqual(['connector.py', 'operations.py']);
    expect(result?.edits.every((e) => hasCiCopyrightBlock(e.text, 2031))).toBe(true);
    expect(result?.change).toMatch(/2031/);
  });
});
