import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallTimer } from './call-timer';
import type { TimeoutPause } from './types';

function pauseSwitch() {
  const listeners = new Set<() => void>();
  const s = {
    paused: false,
    subscribe: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)),
    set(paused: boolean) {
      s.paused = paused;
      listeners.forEach((l) => l());
    },
  };
  return s satisfies TimeoutPause;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("a call's timer", () => {
  it('expires after its time, once', () => {
    const expired = vi.fn();
    new CallTimer(1000, expired);
    vi.advanceTimersByTime(999);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(5000);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('stands still while paused, and runs on with the time that was left', () => {
    const expired = vi.fn();
    const pause = pauseSwitch();
    new CallTimer(1000, expired, pause);
    vi.advanceTimersByTime(600);
    pause.set(true);
    vi.advanceTimersByTime(60_000);
    expect(expired).not.toHaveBeenCalled();
    pause.set(false);
    vi.advanceTimersByTime(399);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('never expires when stopped, or without a timeout at all; a timer that cannot expire still holds the event loop', () => {
    const expired = vi.fn();
    const pause = pauseSwitch();
    const stopped = new CallTimer(1000, expired, pause);
    stopped.stop();
    pause.set(true);
    pause.set(false);
    const endless = new CallTimer(Infinity, expired);
    expect(vi.getTimerCount()).toBe(1); // the keep-alive
    vi.advanceTimersByTime(2 ** 31);
    expect(expired).not.toHaveBeenCalled();
    endless.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
