import type { TimeoutPause } from './types';

/** setTimeout's longest delay; a longer one (or Infinity) means no timeout at all. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** A call's timeout that stands still while `pause` says so: a connector stopped at a breakpoint is not slow, and
 * the time the user spends looking at it must not end the call. */
export class CallTimer {
  private timer?: NodeJS.Timeout;
  private remaining: number;
  private since = 0;
  private readonly unsubscribe?: () => void;

  constructor(
    ms: number,
    private readonly onExpire: () => void,
    private readonly pause?: TimeoutPause,
  ) {
    this.remaining = ms;
    this.unsubscribe = pause?.subscribe(() => this.update());
    this.update();
  }

  /** Ends the timer for good (the call ended). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.remaining = -1;
  }

  private update(): void {
    if (this.remaining < 0) return;
    if (this.pause?.paused) {
      if (this.timer === undefined) return;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.remaining = Math.max(0, this.remaining - (performance.now() - this.since));
      return;
    }
    if (this.timer !== undefined || this.remaining > MAX_DELAY_MS) return;
    this.since = performance.now();
    this.timer = setTimeout(() => {
      this.stop();
      this.onExpire();
    }, this.remaining);
  }
}
