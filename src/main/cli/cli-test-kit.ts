import path from 'node:path';
import { runCli } from './main';

/** Runs the CLI in-process as a user would from `cwd`, with its own user data folder; collects what it printed. */
export function cliIn(cwd: string) {
  return async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd, env: { ...process.env, FSOAR_USER_DATA_DIR: path.join(cwd, 'user') } };
    const code = await runCli(argv, io, '0.0.0-test');
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}
