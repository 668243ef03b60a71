/** One modal at a time: later requests wait their turn instead of stacking on top of each other. */
export interface DialogQueue<T> {
  readonly current: T | null;
  readonly waiting: readonly T[];
}

export const enqueue = <T>(q: DialogQueue<T>, item: T): DialogQueue<T> =>
  q.current === null ? { current: item, waiting: q.waiting } : { current: q.current, waiting: [...q.waiting, item] };

export const advance = <T>(q: DialogQueue<T>): DialogQueue<T> => ({ current: q.waiting[0] ?? null, waiting: q.waiting.slice(1) });
