import type { ErrorCode } from '../../shared/result';

/** A failure a service expects and the UI can explain; router.toResult turns it into an AppError. */
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

export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}
