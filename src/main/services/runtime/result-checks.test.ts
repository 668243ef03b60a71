import { describe, expect, it } from 'vitest';
import { compareSchema, makeScrubber } from './result-checks';

describe('compareSchema', () => {
  it.each([
    ['matching keys', { a: 1, b: 2 }, { a: '', b: '' }, { missing: [], extra: [] }],
    ['missing and extra', { a: 1, c: 3 }, { a: '', b: '' }, { missing: ['b'], extra: ['c'] }],
    ['data not an object', [1, 2], { a: '' }, { missing: ['a'], extra: [] }],
    ['empty schema (wizard placeholder)', { a: 1 }, {}, { missing: [], extra: [] }],
    ['list schema', { a: 1 }, [{ a: '' }], { missing: [], extra: [] }],
    ['string schema', { a: 1 }, 'get_output_schema', { missing: [], extra: [] }],
    ['no schema', { a: 1 }, undefined, { missing: [], extra: [] }],
  ])('%s', (_name, data, schema, expected) => {
    expect(compareSchema(data, schema)).toEqual(expected);
  });
});

describe('makeScrubber', () => {
  const scrub = makeScrubber({ password: 'hunter22', user: 'admin', short: 'abc' }, ['password', 'short', 'absent']);

  it('masks the password values from the start', () => {
    expect(scrub('pw=hunter22 again hunter22')).toBe('pw=******** again ********');
  });

  it('masks the encoded forms the worker reports, a longer form whole before a shorter one inside it', () => {
    const s2 = makeScrubber({ p: 'a b&c' }, ['p']);
    expect(s2('q=a%20b%26c')).toBe('q=a%20b%26c');
    s2.learn(['a%20b%26c', 'a b&c', 'YSBiJmM', 'xa%20b%26cx']);
    expect(s2('q=a%20b%26c b64=YSBiJmM')).toBe('q=******** b64=********');
    expect(s2('u=xa%20b%26cx')).toBe('u=********');
  });

  it('leaves other values and too-short secrets alone', () => {
    expect(scrub('user admin abc')).toBe('user admin abc');
    scrub.learn(['ab', 42 as unknown as string]);
    expect(scrub('ab 42')).toBe('ab 42');
  });
});
