/** Per-key debounce: each key runs once, `delayMs` after its last schedule. flush() runs everything pending now. */
export function createKeyedDebouncer(delayMs: number, run: (key: string) => void) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const fire = (key: string) => {
    timers.delete(key);
    run(key);
  };
  return {
    schedule(key: string) {
      clearTimeout(timers.get(key));
      timers.set(key, setTimeout(() => fire(key), delayMs));
    },
    cancel(key: string) {
      clearTimeout(timers.get(key));
      timers.delete(key);
    },
    flush() {
      for (const [key, t] of [...timers]) {
        clearTimeout(t);
        fire(key);
      }
    },
    pending: () => [...timers.keys()],
  };
}
