/** Resolves once `p` has settled, either way. For the tail of a queue: the next task waits for this one to end, and
 * this one's failure is not lost, since it reaches whoever awaits `p` itself. */
export async function settled(p: Promise<unknown>): Promise<void> {
  await Promise.allSettled([p]);
}

/** What `p` resolves to, or undefined when it fails. Only for a promise whose failure already reaches someone who
 * awaits it (a session that never started has nothing to stop; its failure went to the request that started it). */
export async function fulfilledValue<T>(p: Promise<T>): Promise<T | undefined> {
  const [r] = await Promise.allSettled([p]);
  return r.status === 'fulfilled' ? r.value : undefined;
}
