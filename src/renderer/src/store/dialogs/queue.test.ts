import { describe, expect, it } from 'vitest';
import { advance, enqueue, type DialogQueue } from './queue';

describe('dialog queue', () => {
  const empty: DialogQueue<string> = { current: null, waiting: [] };
  it('shows the first request at once and queues the next', () => {
    const q = enqueue(enqueue(empty, 'a'), 'b');
    expect(q).toEqual({ current: 'a', waiting: ['b'] });
  });
  it('advances to the next waiting request, then to none', () => {
    const q = advance(enqueue(enqueue(empty, 'a'), 'b'));
    expect(q).toEqual({ current: 'b', waiting: [] });
    expect(advance(q)).toEqual(empty);
  });
});
