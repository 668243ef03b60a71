/** A clock for code that waits for time to pass (poll intervals, timeouts, the next second): `sleep(ms)` moves
 * `now` forward by `ms` at once, so a test sees the same steps without waiting for them. */
export interface TestClock {
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** Moves the clock without anyone sleeping on it. */
  advance(ms: number): void;
  /** Every sleep asked for, in order. */
  readonly slept: number[];
}

export function testClock(start = Date.UTC(2026, 0, 1, 12, 0, 0)): TestClock {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => new Date(t),
    async sleep(ms) {
      slept.push(ms);
      t += ms;
    },
    advance(ms) {
      t += ms;
    },
    slept,
  };
}
