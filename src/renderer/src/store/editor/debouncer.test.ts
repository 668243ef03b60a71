import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyedDebouncer } from './debouncer';

describe('createKeyedDebouncer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs each key once after the last schedule', () => {
    const run = vi.fn();
    const d = createKeyedDebouncer(500, run);
    d.schedule('a');
    vi.advanceTimersByTime(300);
    d.schedule('a');
    d.schedule('b');
    vi.advanceTimersByTime(499);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run.mock.calls).toEqual([['a'], ['b']]);
  });
  it('cancels and flushes', () => {
    const run = vi.fn();
    const d = createKeyedDebouncer(500, run);
    d.schedule('a');
    d.schedule('b');
    d.cancel('a');
    d.flush();
    expect(run.mock.calls).toEqual([['b']]);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(d.pending()).toEqual([]);
  });
});
