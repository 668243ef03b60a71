import { describe, expect, it } from 'vitest';
import { parseJsonOrUndefined } from './parse-json';
import { fulfilledValue, settled } from './settled';

describe('settled and fulfilledValue', () => {
  it('wait for a promise either way, leaving its failure to whoever awaits it', async () => {
    const failing = Promise.reject(new Error('boom'));
    await expect(settled(failing)).resolves.toBeUndefined();
    await expect(failing).rejects.toThrow('boom');
    expect(await fulfilledValue(Promise.resolve(7))).toBe(7);
    expect(await fulfilledValue(Promise.reject(new Error('boom')))).toBeUndefined();
  });
});

describe('parseJsonOrUndefined', () => {
  it('answers undefined only for text that is not JSON', () => {
    expect(parseJsonOrUndefined('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonOrUndefined('null')).toBeNull();
    expect(parseJsonOrUndefined('{"a":')).toBeUndefined();
    expect(parseJsonOrUndefined('')).toBeUndefined();
  });
});
