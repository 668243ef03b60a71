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

  it('masks the value, its base64 and its URL-encoded form', () => {
    expect(scrub('pw=hunter22 b64=aHVudGVyMjI')).toBe('pw=******** b64=********');
    expect(makeScrubber({ p: 'a b&c/d' }, ['p'])('q=a%20b%26c%2Fd')).toBe('q=********');
  });

  it('masks it inside a longer base64 value (Basic auth), in URL-safe base64 and as a form value', () => {
    const secret = 'Zx9+k/q?w~hunter22';
    const s2 = makeScrubber({ p: secret }, ['p']);
    for (const user of ['u', 'us', 'use']) {
      const basic = Buffer.from(`${user}:${secret}`).toString('base64');
      expect(s2(`Authorization: Basic ${basic}`)).not.toContain(basic);
      expect(s2(basic).length).toBeLessThan(basic.length);
    }
    expect(s2(Buffer.from(secret).toString('base64url'))).toBe('********');
    expect(s2(`q=${new URLSearchParams({ k: secret }).toString().slice(2)}`)).toBe('q=********');
  });

  it('leaves other values and too-short secrets alone', () => {
    expect(scrub('user admin abc')).toBe('user admin abc');
  });
});
