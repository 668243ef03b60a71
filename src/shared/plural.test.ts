import { describe, expect, it } from 'vitest';
import { countsText, plural } from './plural';

describe('plural', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(0, 'error')).toBe('0 errors');
    expect(plural(2, 'parameter')).toBe('2 parameters');
    expect(plural(1, 'match', 'matches')).toBe('1 match');
    expect(plural(3, 'match', 'matches')).toBe('3 matches');
  });
  it('writes the problem counts without "1 errors"', () => {
    expect(countsText({ errors: 1, warnings: 1, infos: 2 })).toBe('1 error, 1 warning, 2 infos');
    expect(countsText({ errors: 2, warnings: 0, infos: 1 })).toBe('2 errors, 0 warnings, 1 info');
  });
});
