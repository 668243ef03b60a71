import type { ProgressEvent } from '../../../../shared/models/settings';

export interface OperationProgress {
  readonly title: string;
  /** 0..1, or undefined while git has not said. */
  readonly fraction?: number;
  readonly message?: string;
}

/** Network git work reports `progress.updated` with ids `git:<op>:<projectId>` (clone: `git:clone:<folder>`).
 * Returns the running operation to show, or null when it finished or belongs to someone else. */
export function gitProgressOf(event: ProgressEvent, op: string, key: string): OperationProgress | null | undefined {
  if (event.id !== `git:${op}:${key}`) return undefined;
  if (event.done) return null;
  return { title: event.title, fraction: event.fraction, message: event.message };
}

export const percent = (p: OperationProgress | null) => (p?.fraction === undefined ? undefined : Math.round(Math.max(0, Math.min(1, p.fraction)) * 100));
