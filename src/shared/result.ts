/** The envelope every request returns. Errors cross process and HTTP boundaries as data, never as throws,
 * because Electron drops custom error fields across IPC. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'OUTSIDE_WORKSPACE'
  | 'TOO_LARGE'
  | 'GIT'
  | 'PACKAGING'
  | 'RUNTIME'
  | 'TIMEOUT'
  | 'UNAVAILABLE'
  | 'FORBIDDEN'
  | 'INTERNAL';

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
