/** `connector-studio new ...` in-process, with its output. */
import path from 'node:path';
import type { CliIO } from '../../src/main/cli/command';
import newCommand from '../../src/main/cli/commands/new';

export async function runNew(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env: { FSOAR_USER_DATA_DIR: path.join(cwd, '.user-data') } };
  const code = await newCommand.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
