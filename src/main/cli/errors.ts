/** What a failure means for the exit code (DESIGN.md): 2 for bad usage or input the user must fix before anything
 * can run, 1 for an action that started and failed (a refused package, a write that failed, a worker that died). */
import { errnoCode, isServiceError } from '../services/errors';
import { EXIT_FAILED, EXIT_USAGE, UsageError } from './command';

/** Input that cannot be used as given (a missing folder, a config file that is not a JSON object): exit 2 with
 * the message, without the usage line a UsageError adds. */
export class InputError extends Error {}

/** Service errors that name the input, not the action: the path does not exist, is not a connector, is unsafe. */
const INPUT_CODES = new Set(['VALIDATION', 'NOT_FOUND', 'OUTSIDE_WORKSPACE', 'TOO_LARGE', 'PACKAGING']);

/** Errors of the file system that mean "cannot read what you named", when they happen while reading it. */
const UNREADABLE = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG']);

/** `reading`: the error came while the command read its input (a raw EACCES there is bad input, exit 2); after
 * that, the same error is the action failing (exit 1). */
export function exitCodeFor(e: unknown, phase: 'reading' | 'acting' = 'acting'): number {
  if (e instanceof UsageError || e instanceof InputError) return EXIT_USAGE;
  if (isServiceError(e)) return INPUT_CODES.has(e.code) ? EXIT_USAGE : EXIT_FAILED;
  if (phase === 'reading' && UNREADABLE.has(errnoCode(e) ?? '')) return EXIT_USAGE;
  return EXIT_FAILED;
}
