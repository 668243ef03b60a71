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

/** The path, or a folder on its way, is not there (ENOENT; ENOTDIR when a file stands where a folder was expected). */
export function isMissing(e: unknown): boolean {
  const code = errnoCode(e);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** For `.catch` after a file system call on a path that may legitimately be absent: `fallback` when it is not
 * there; any other failure (permission denied, a disk error) still fails. */
export const ifMissing =
  <T>(fallback: T) =>
  (e: unknown): T => {
    if (isMissing(e)) return fallback;
    throw e;
  };

/** The path is not there, or closed to this user (EACCES, EPERM): for walks over folders the user does not control
 * (a project's tree, PATH), where such an entry simply holds nothing to show. */
export function isUnreadable(e: unknown): boolean {
  const code = errnoCode(e);
  return isMissing(e) || code === 'EACCES' || code === 'EPERM';
}

/** ifMissing for isUnreadable. */
export const ifUnreadable =
  <T>(fallback: T) =>
  (e: unknown): T => {
    if (isUnreadable(e)) return fallback;
    throw e;
  };
