/** The human-readable form of a worker call's logs and captured output, for `health` and `run`. */
import type { CallOutput, LogEntry } from '../services/runtime/types';

const time = (iso: string) => iso.slice(11, 23);

export function formatLog(e: LogEntry): string {
  const [first, ...rest] = e.message.split('\n');
  return [`  ${time(e.time)} ${e.level.padEnd(7)} ${e.logger}: ${first}`, ...rest.map((l) => `      ${l}`)].join('\n');
}

/** Logs and captured output, for the human-readable form. */
export function formatOutput(r: CallOutput): string[] {
  const lines: string[] = [];
  if (r.logs.length) lines.push('Logs:', ...r.logs.map(formatLog));
  for (const stream of ['stdout', 'stderr'] as const)
    if (r[stream]) lines.push(`${stream}:`, ...r[stream].trimEnd().split('\n').map((l) => `  ${l}`));
  return lines;
}
