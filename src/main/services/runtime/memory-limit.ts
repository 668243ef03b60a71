/** The worker's memory limit (Settings > Runtime), applied by resources/python/isolation.py as RLIMIT_AS. */

export const DEFAULT_WORKER_MEMORY_LIMIT_MB = 2048;

/** What Python, C and C++ code say when an allocation fails. A thread's stack is address space too (8 MB each
 * by default), so under the limit a connector with very many threads fails to start one. */
const OUT_OF_MEMORY = /\bMemoryError\b|Cannot allocate memory|std::bad_alloc|Unable to allocate|out of memory|can't start new thread/i;

export function memoryLimitMessage(limitMb: number): string {
  return `The connector used more than ${limitMb} MB, the worker's memory limit (Settings > Runtime). If it needs that much, raise the limit there (0 turns it off).`;
}

/** True when a failed call's message, error logs or stderr show an allocation failure under a limit. */
export function hitMemoryLimit(limitMb: number, evidence: readonly string[]): boolean {
  return limitMb > 0 && evidence.some((text) => OUT_OF_MEMORY.test(text));
}
