/** Where a session's call stands (starting, running, paused at a stop, terminated), and the pause its timeout obeys. */
import type { DebugSessionState, DebugStopped } from '../../../shared/models/debug';
import type { TimeoutPause } from '../runtime/types';

/** A call's timeout runs only while the session is not paused. */
export class PauseSwitch implements TimeoutPause {
  paused = false;
  private readonly listeners = new Set<() => void>();
  set(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    for (const l of this.listeners) l();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export class CallState {
  state: DebugSessionState = 'starting';
  /** The stop the UI reads while paused. */
  lastStop?: DebugStopped;
  ended = false;
  readonly pause = new PauseSwitch();
  /** Bumped by every stop and resume, so a stop's late frame lookup is not reported after the session moved on. */
  private generation = 0;

  /** debugpy stopped a thread: paused, the call's timeout with it. Answers the stop's generation, for `isCurrent`. */
  stopped(): number {
    const generation = ++this.generation;
    this.state = 'paused';
    this.pause.set(true);
    return generation;
  }

  /** Whether the stop of `generation` is still the latest news: no resume or other stop since, and not ended. */
  isCurrent(generation: number): boolean {
    return generation === this.generation && !this.ended;
  }

  continued(): void {
    this.generation++;
    this.state = 'running';
    this.lastStop = undefined;
    this.pause.set(false);
  }

  terminated(): void {
    this.state = 'terminated';
    this.ended = true;
    this.pause.set(false);
  }
}
