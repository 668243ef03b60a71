import type { AppError, ErrorCode } from '../../../shared/result';

/** A failed Result turned into a throw inside the renderer, keeping the service's code and details. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly channel: string;

  constructor(channel: string, error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
    this.channel = channel;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const isConflict = (e: unknown): e is ApiError => isApiError(e) && e.code === 'CONFLICT';

/** The text to show the user for any thrown value. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
