import { describe, expect, it } from 'vitest';
import { modeOf, termOf } from './store';

describe('palette mode', () => {
  it.each([
    ['>save', 'commands', 'save'],
    [':12', 'line', '12'],
    ['conn', 'files', 'conn'],
    ['', 'files', ''],
  ] as const)('%j -> %s / %j', (q, mode, term) => {
    expect(modeOf(q)).toBe(mode);
    expect(termOf(q)).toBe(term);
  });
});
