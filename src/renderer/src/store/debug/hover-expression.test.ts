import { describe, expect, it } from 'vitest';
import { expressionAt } from './hover-expression';

const line = "    return ApiClient(config).request('GET', self.client.base_url, params['ip'])";
const col = (text: string, offset = 0) => line.indexOf(text) + 1 + offset;

describe('the expression a hover evaluates', () => {
  it.each([
    ['a name', col('config', 2), 'config'],
    ['a dotted name, up to the word under the pointer', col('client', 1), 'self.client'],
    ['the whole dotted name from its last part', col('base_url', 3), 'self.client.base_url'],
    ['the name before a subscript, never the call or the index', col('params', 0), 'params'],
    ['the end of a word', col('config') + 'config'.length, 'config'],
  ])('%s', (_what, column, text) => {
    expect(expressionAt(line, column)?.text).toBe(text);
  });

  it.each([
    ['blank space', line, col('return') - 2],
    ['a string\'s quote', line, col("'GET'")],
    ['a number', 'x = 42', 5],
  ])('nothing on %s', (_what, text, column) => {
    expect(expressionAt(text, column)).toBeNull();
  });
});
