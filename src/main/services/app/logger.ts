import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMissing } from '../errors';

export interface Logger {
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
  readonly dir: string;
}

const MAX_BYTES = 1024 * 1024;
const KEEP = 5;

/** Rotating log files main.log, main.1.log ... main.4.log. Synchronous on purpose: a crash must not lose the last line. */
export function createLogger(dir: string, echo = false): Logger {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.log');
  const rotate = () => {
    const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (size < MAX_BYTES) return;
    rmSync(path.join(dir, `main.${KEEP - 1}.log`), { force: true });
    for (let i = KEEP - 2; i >= 1; i--) {
      try {
        renameSync(path.join(dir, `main.${i}.log`), path.join(dir, `main.${i + 1}.log`));
      } catch (e) {
        if (!isMissing(e)) throw e; // a gap in the series
      }
    }
    renameSync(file, path.join(dir, 'main.1.log'));
  };
  let failing = false;
  const write = (level: string, msg: string, extra?: unknown) => {
    const tail = extra === undefined ? '' : ' ' + (extra instanceof Error ? extra.stack : JSON.stringify(extra));
    const line = `${new Date().toISOString()} ${level} ${msg}${tail}\n`;
    try {
      rotate();
      appendFileSync(file, line);
      failing = false;
    } catch (e) {
      // Logging must never take the app down: say once on stderr that the log stopped, and why.
      if (!failing) process.stderr.write(`Connector Studio cannot write its log ${file}: ${(e as Error).message}\n`);
      failing = true;
    }
    if (echo) process.stderr.write(line);
  };
  return { dir, info: (m, x) => write('INFO', m, x), warn: (m, x) => write('WARN', m, x), error: (m, x) => write('ERROR', m, x) };
}
