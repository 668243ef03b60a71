import { describe, expect, it } from 'vitest';
import { jsonErrorPosition } from './text-position';

const parseError = (text: string): string => {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a syntax error');
};

describe('jsonErrorPosition', () => {
  it('places an unexpected token, which Node 20 names without a place', () => {
    const text = '{\n  "a": 1,\n  "b": x\n}';
    expect(jsonErrorPosition(text, parseError(text))).toEqual({ line: 3, column: 8 });
  });

  it('places a text cut short at its end, where the engine names no place', () => {
    const text = '{\n  "name": "x",\n  "version": ';
    const message = parseError(text);
    expect(message).toMatch(/end of JSON input/);
    expect(jsonErrorPosition(text, message)).toEqual({ line: 3, column: 14 });
  });

  it('reads "line N column M" from engines that say it', () => {
    expect(jsonErrorPosition('{}', 'Expected value at line 2 column 5')).toEqual({ line: 2, column: 5 });
  });
});
