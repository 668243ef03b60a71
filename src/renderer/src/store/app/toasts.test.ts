import { describe, expect, it } from 'vitest';
import { MAX_TOASTS, dropToast, pushToast, type Toast } from './toasts';

const t = (id: number, text = `m${id}`): Toast => ({ id, kind: 'info', text });

describe('pushToast', () => {
  it('appends newest last', () => {
    expect(pushToast([t(1)], t(2)).map((x) => x.id)).toEqual([1, 2]);
  });
  it('keeps at most MAX_TOASTS', () => {
    const many = Array.from({ length: MAX_TOASTS }, (_, i) => t(i));
    expect(pushToast(many, t(99))).toHaveLength(MAX_TOASTS);
    expect(pushToast(many, t(99)).at(-1)?.id).toBe(99);
  });
  it('replaces an identical message instead of stacking it', () => {
    expect(pushToast([t(1, 'same')], t(2, 'same')).map((x) => x.id)).toEqual([2]);
  });
  it('drops by id', () => {
    expect(dropToast([t(1), t(2)], 1).map((x) => x.id)).toEqual([2]);
  });
});
