import type { EventBus } from '../events';
import type { NetworkOptions } from './git-context';

/** Network git work reports progress as events, so the UI shows a bar instead of waiting on one silent call. */
export async function withGitProgress<T>(events: EventBus, id: string, title: string, fn: (net: NetworkOptions) => Promise<T>): Promise<T> {
  const net: NetworkOptions = {
    onProgress: (p) => events.emit('progress.updated', { id, title, fraction: p.progress / 100, message: `${p.stage} ${p.processed}/${p.total}` }),
  };
  events.emit('progress.updated', { id, title, fraction: 0 });
  try {
    const result = await fn(net);
    events.emit('progress.updated', { id, title, fraction: 1, done: true });
    return result;
  } catch (e) {
    events.emit('progress.updated', { id, title, done: true, error: (e as Error).message });
    throw e;
  }
}
