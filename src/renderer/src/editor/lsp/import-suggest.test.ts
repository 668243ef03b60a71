import { describe, expect, it } from 'vitest';
import { wantsImportName } from './import-suggest';

describe('completion after an import keyword', () => {
  it('opens after "from x import ", "import " and a comma in an import list', () => {
    expect(wantsImportName('from connectors.core.connector import ')).toBe(true);
    expect(wantsImportName('    from .utils import ')).toBe(true);
    expect(wantsImportName('from connectors.core.connector import Connector, ')).toBe(true);
    expect(wantsImportName('from x import (a, ')).toBe(true);
    expect(wantsImportName('import ')).toBe(true);
  });
  it('stays shut elsewhere: a plain space, a string, a finished name, a comment', () => {
    expect(wantsImportName('x = 1 ')).toBe(false);
    expect(wantsImportName("s = 'from a import ")).toBe(false);
    expect(wantsImportName('from a import b ')).toBe(false);
    expect(wantsImportName('# import ')).toBe(false);
    expect(wantsImportName('from ')).toBe(false);
  });
});
