import type { CallOptions, LogEntry, OutputStream } from './types';

const MiB = 1024 * 1024;

/** A call's listeners, plus the worker's list of every form its secrets take (resources/python/secret_forms.py),
 * sent before the connector runs so that what reaches the host outside the worker's own masking is masked too. */
export interface WorkerListeners extends CallOptions {
  readonly onSecrets?: (forms: readonly string[]) => void;
}

function sizeText(bytes: number): string {
  return bytes >= MiB && bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}

/** Collects one call's logs and output, within a cap per stream, as the worker streams them. The worker caps
 * its own messages too; this also covers raw writes to fd 1/2 (subprocesses, C extensions). */
export class CallCapture {
  readonly logs: LogEntry[] = [];
  private readonly text: Record<OutputStream, string[]> = { stdout: [], stderr: [] };
  private readonly used = { stdout: 0, stderr: 0, logs: 0 };
  private readonly dropped = { stdout: 0, stderr: 0, logs: 0 };

  constructor(
    private readonly cap: number,
    private readonly listeners: WorkerListeners = {},
  ) {}

  private take(kind: 'stdout' | 'stderr' | 'logs', text: string): string {
    const room = Math.max(this.cap - this.used[kind], 0);
    const kept = text.length <= room ? text : text.slice(0, room);
    this.used[kind] += kept.length;
    this.dropped[kind] += text.length - kept.length;
    return kept;
  }

  output(stream: OutputStream, text: string): void {
    const kept = this.take(stream, text);
    if (!kept) return;
    this.text[stream].push(kept);
    this.listeners.onOutput?.(stream, kept);
  }

  log(entry: LogEntry): void {
    const message = this.take('logs', entry.message);
    if (!message && entry.message) return;
    const kept = message === entry.message ? entry : { ...entry, message };
    this.logs.push(kept);
    this.listeners.onLog?.(kept);
  }

  secrets(forms: readonly string[]): void {
    this.listeners.onSecrets?.(forms);
  }

  /** Counts the worker reported as cut on its side. */
  addDropped(dropped: Partial<Record<'stdout' | 'stderr' | 'logs', number>> | undefined): void {
    for (const k of ['stdout', 'stderr', 'logs'] as const) this.dropped[k] += dropped?.[k] ?? 0;
  }

  notice(message: string, level = 'WARNING'): void {
    this.logs.push({ time: new Date().toISOString(), level, logger: 'connector-studio', message });
  }

  /** Final text of each stream, with a notice where the cap cut it. */
  finish(): { logs: LogEntry[]; stdout: string; stderr: string } {
    const cut = (k: 'stdout' | 'stderr' | 'logs') =>
      `[Connector Studio: ${this.dropped[k]} more characters of ${k} were cut at the ${sizeText(this.cap)} output cap]`;
    if (this.dropped.logs) this.notice(cut('logs'));
    const stream = (k: OutputStream) => this.text[k].join('') + (this.dropped[k] ? `\n${cut(k)}\n` : '');
    return { logs: this.logs, stdout: stream('stdout'), stderr: stream('stderr') };
  }
}
