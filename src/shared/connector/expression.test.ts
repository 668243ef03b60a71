import { describe, expect, it } from 'vitest';
import { checkCondition } from './expression';

describe('checkCondition', () => {
  it.each([
    '{{true}}',
    "{{this['resource_name'] === 'Access Control List' || this['resource_name'] === 'Access Control List IPv6'}}",
    "{{(method === 'Add Value' || method === 'Delete Value')}}",
    "{{ type === 'File' }}",
    '{{ !a.b?.c && (x.length > 2 ? y : z) }}',
    "{{ ['a', 'b'].includes(vars.x) && {k: 1}.k >= -1 && typeof q !== 'undefined' }}",
    '{{ 2 ** 3 % 2 + .5 }}',
    "{{ 'constructor' in obj }}",
  ])('accepts %s', (c) => {
    expect(checkCondition(c)).toEqual({ ok: true });
  });

  it.each([
    ['{{}}', 'empty'],
    ["this['x'] === 'y'", 'not wrapped'],
    ["{{this['x'] === }}", 'unexpected end'],
    ["{{this['x' === 'y'}}", "expected ']'"],
    ["{{ a = 'b' }}", "unexpected '='"],
    ["{{ 'unterminated }}", 'unterminated'],
    ['{{ a b }}', "unexpected 'b'"],
    ['{{ a.constructor( }}', 'unexpected end'],
  ])('rejects %s', (c, why) => {
    const res = checkCondition(c);
    expect(res.ok).toBe(false);
    expect(res.ok ? '' : res.message).toContain(why);
  });

  it('rejects non-strings', () => {
    expect(checkCondition(42).ok).toBe(false);
  });
});
