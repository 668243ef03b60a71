import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appVersion, findAppRoot } from '../app-root';
import { runCli } from './main';

const io = {
  out: (t: string) => void process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t: string) => void process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  cwd: process.cwd(),
  env: process.env,
  errIsTTY: process.stderr.isTTY === true,
  errRaw: (t: string) => void process.stderr.write(t),
};

const root = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));
runCli(process.argv.slice(2), io, appVersion(root)).then(
  (code) => {
    // Long-running commands (web, start) resolve only when they stop; the rest exit as soon as they finish.
    process.exitCode = code;
  },
  (e: unknown) => {
    // runCli answers every command's failure itself; this is a fault in the CLI's own start.
    io.err(`connector-studio failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
