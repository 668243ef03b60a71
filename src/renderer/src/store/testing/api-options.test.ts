import { describe, expect, it } from 'vitest';
import { optionsFromOutput } from './api-options';

describe('optionsFromOutput', () => {
  it('takes a list of strings and numbers as values and labels (json-convert\'s get_parser_list)', () => {
    expect(optionsFromOutput(['csv', 'yaml', 3])).toEqual({
      options: [{ value: 'csv', label: 'csv' }, { value: 'yaml', label: 'yaml' }, { value: '3', label: '3' }], skipped: 0,
    });
  });

  it('reads objects by their usual value and label keys', () => {
    expect(optionsFromOutput([{ value: 'a', label: 'Alpha' }, { id: 7, title: 'Seven' }, { name: 'n1' }, { key: 'k', text: 'Kay' }])).toEqual({
      options: [{ value: 'a', label: 'Alpha' }, { value: '7', label: 'Seven' }, { value: 'n1', label: 'n1' }, { value: 'k', label: 'Kay' }], skipped: 0,
    });
  });

  it('unwraps a list under options, data, results or items', () => {
    expect(optionsFromOutput({ data: ['x'] })).toEqual({ options: [{ value: 'x', label: 'x' }], skipped: 0 });
    expect(optionsFromOutput({ total: 1, results: [{ id: 'r' }] })).toEqual({ options: [{ value: 'r', label: 'r' }], skipped: 0 });
  });

  it('takes an object without a list as value -> label', () => {
    expect(optionsFromOutput({ low: 'Low risk', high: 'High risk' })).toEqual({
      options: [{ value: 'low', label: 'Low risk' }, { value: 'high', label: 'High risk' }], skipped: 0,
    });
  });

  it('drops duplicates and counts entries that carry no value', () => {
    expect(optionsFromOutput(['a', 'a', { other: 1 }, null, [1]])).toEqual({ options: [{ value: 'a', label: 'a' }], skipped: 3 });
  });

  it('says what came back when it is not a list of options', () => {
    expect(optionsFromOutput('csv')).toEqual({ error: 'it returned string, not a list of options' });
    expect(optionsFromOutput(null)).toEqual({ error: 'it returned null, not a list of options' });
  });
});
