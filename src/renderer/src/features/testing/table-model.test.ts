import { describe, expect, it } from 'vitest';
import { cellText, isNested, tableOf } from './table-model';
import { lineAt, offsetsOf, visibleRange } from './windowing';

describe('tableOf', () => {
  it('makes rows of a list of objects, with the union of their keys as columns in first-seen order', () => {
    const t = tableOf([{ ip: '1.2.3.4', score: 90 }, { ip: '5.6.7.8', tags: ['a'] }, { score: 1 }]);
    expect(t.labelHeader).toBe('#');
    expect(t.labels).toEqual(['0', '1', '2']);
    expect(t.columns).toEqual(['ip', 'score', 'tags']);
    expect(t.rows).toEqual([
      ['1.2.3.4', 90, undefined],
      ['5.6.7.8', undefined, ['a']],
      [undefined, 1, undefined],
    ]);
    expect(t.widths).toHaveLength(4);
  });

  it('makes key/value rows of one object', () => {
    const t = tableOf({ ip: '1.2.3.4', score: 90, details: { asn: 1 } });
    expect(t).toMatchObject({ labelHeader: 'Key', labels: ['ip', 'score', 'details'], columns: ['Value'] });
    expect(t.rows).toEqual([['1.2.3.4'], [90], [{ asn: 1 }]]);
  });

  it('lists scalars and mixed lists one value per row, and shows a lone scalar', () => {
    expect(tableOf([1, 'two', { three: 3 }]).rows).toEqual([[1], ['two'], [{ three: 3 }]]);
    expect(tableOf([]).rows).toEqual([]);
    expect(tableOf('plain text')).toMatchObject({ labels: [''], columns: ['Value'], rows: [['plain text']] });
    expect(tableOf(null).rows).toEqual([[null]]);
  });

  it('keeps a key that is present with the value null apart from a missing key', () => {
    const t = tableOf([{ a: null }, { b: 1 }]);
    expect(t.rows).toEqual([[null, undefined], [undefined, 1]]);
    expect(cellText(t.rows[0][0])).toBe('null');
    expect(cellText(t.rows[0][1])).toBe('');
  });

  it('builds ten thousand rows quickly enough to stay out of the way', () => {
    const data = Array.from({ length: 10_000 }, (_, i) => ({ id: i, name: `row ${i}`, nested: { i } }));
    const t = tableOf(data);
    expect(t.rows).toHaveLength(10_000);
    expect(t.columns).toEqual(['id', 'name', 'nested']);
  });
});

describe('cells', () => {
  it('summarises lists and objects, which expand; empty ones and scalars do not', () => {
    expect(cellText([1, 2])).toBe('[2 items]');
    expect(cellText([1])).toBe('[1 item]');
    expect(cellText({ a: 1 })).toBe('{1 key}');
    expect(cellText(false)).toBe('false');
    expect([[1], { a: 1 }, [], {}, 'x', null].map(isNested)).toEqual([true, true, false, false, false, false]);
  });
});

describe('windowing', () => {
  const offsets = offsetsOf([10, 10, 50, 10]);

  it('sums heights into offsets', () => {
    expect(offsets).toEqual([0, 10, 20, 70, 80]);
  });

  it('finds the line under a position', () => {
    expect([0, 9, 10, 25, 69, 70, 500].map((y) => lineAt(offsets, y))).toEqual([0, 0, 1, 2, 2, 3, 3]);
  });

  it('renders the visible lines and the overscan, within bounds', () => {
    expect(visibleRange(offsets, 15, 10, 0)).toEqual([1, 3]);
    expect(visibleRange(offsets, 0, 1000, 2)).toEqual([0, 4]);
    expect(visibleRange(offsetsOf([]), 0, 100)).toEqual([0, 0]);
    const many = offsetsOf(new Array<number>(100_000).fill(28));
    expect(visibleRange(many, 28 * 50_000, 280, 5)).toEqual([49_995, 50_015]);
  });
});
