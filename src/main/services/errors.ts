import { err, type ErrorCode, type Result } from '../../shared/result';

/** A failure a service expects and the UI can explain; toResult turns it into an AppError. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError;

/** Any failure as the Result a door answers (a request, or a job's done event); an unexpected one is logged, since
 * the user only sees where to look. */
export function toResult(e: unknown, log?: (msg: string, extra?: unknown) => void): Result<never> {
  if (isServiceError(e)) return err(e.code, e.message, e.details);
  log?.('Unexpected error in a service', e);
  return err('INTERNAL', `Something went wrong inside Connector Studio: ${(e as Error)?.message ?? String(e)}. Details are in the log (Help > Open logs folder).`);
}

export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}
