import type { TimeoutPause } from './types';

/** setTimeout's longest delay; a longer one (or Infinity) means no timeout at all. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** How often the keep-alive of a call without a running timeout wakes (it does nothing). */
const KEEP_ALIVE_MS = 60 * 60 * 1000;

/** A call's timeout that stands still while `pause` says so: a connector stopped at a breakpoint is not slow, and
 * the time the user spends looking at it must not end the call. While no timeout runs (paused, or none at all) a
 * keep-alive holds Node's event loop open, as the timeout did: the worker's pipes do not, and a command awaiting
 * the call must not exit under it. */
export class CallTimer {
  private timer?: NodeJS.Timeout;
  private keepAlive?: NodeJS.Timeout;
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
    clearInterval(this.keepAlive);
    this.timer = this.keepAlive = undefined;
    this.unsubscribe?.();
    this.remaining = -1;
  }

  private update(): void {
    if (this.remaining < 0) return;
    if (this.pause?.paused) {
      if (this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.remaining = Math.max(0, this.remaining - (performance.now() - this.since));
      }
      this.keepAlive ??= setInterval(() => undefined, KEEP_ALIVE_MS);
      return;
    }
    if (this.remaining > MAX_DELAY_MS) {
      this.keepAlive ??= setInterval(() => undefined, KEEP_ALIVE_MS);
      return;
    }
    clearInterval(this.keepAlive);
    this.keepAlive = undefined;
    if (this.timer !== undefined) return;
    this.since = performance.now();
    this.timer = setTimeout(() => {
      this.stop();
      this.onExpire();
    }, this.remaining);
  }
}
