/** Helper types the channel groups share: empty answers, jobs, the project a request is about, search queries. */
import type { Result } from '../../result';

/** The answer of a request that only says it worked. */
export type Empty = Record<string, never>;

/** Long work answers at once with the run id the caller chose; its progress and its outcome follow as events
 * tagged with that id, so no request stays open for minutes (docs/adding-a-channel.md). */
export interface JobStarted {
  runId: string;
}
/** The last event of a job: its value, or its failure as the AppError a request would have answered. */
export type JobDone<T> = { runId: string } & Result<T>;
export interface InProject {
  projectId: string;
}
export interface SearchQuery {
  query: string;
  isRegex?: boolean;
  matchCase?: boolean;
}
