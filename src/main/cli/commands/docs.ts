/** `connector-studio docs <folder|tgz> [-o FILE.md|FILE.html] [--json]`: the connector's documentation, to
 * stdout as Markdown, or to FILE (HTML when it ends in .html). Exit 0 on success, 2 on bad usage or unreadable input. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatForFile } from '../../services/docs';
import type { HeadlessServices } from '../../services/headless';
import { EXIT_OK, EXIT_USAGE, onlyPositional, parseArgs, type CliCommand, type CliIO } from '../command';
import { exitCodeFor } from '../errors';
import { withServices } from '../services';

const USAGE = 'docs <folder|tgz> [-o FILE.md|FILE.html] [--json]';

interface Args {
  readonly target: string;
  readonly output?: string;
  readonly json: boolean;
}

function parse(argv: string[]): Args {
  const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['output'], aliases: { o: 'output' } });
  const target = onlyPositional(positional, 'name a connector folder or .tgz', 'give exactly one folder or .tgz');
  return { target, json: flags.json === true, ...(typeof flags.output === 'string' ? { output: flags.output } : {}) };
}

/** Without -o: Markdown, or with --json the documentation model. With -o: the file, and what was written. Reading
 * the connector fails as bad input (exit 2); writing the file fails as the action (exit 1). */
async function produce(args: Args, io: CliIO, s: HeadlessServices): Promise<number> {
  const service = await s.docs();
  const target = path.resolve(io.cwd, args.target);
  const fail = (e: unknown, phase: 'reading' | 'acting') => (io.err(`connector-studio docs: ${(e as Error).message}`), exitCodeFor(e, phase));
  if (!args.output) {
    try {
      io.out(args.json ? JSON.stringify(await service.model(target)) : await service.generate(target, 'markdown'));
      return EXIT_OK;
    } catch (e) {
      return fail(e, 'reading');
    }
  }
  const file = path.resolve(io.cwd, args.output);
  const format = formatForFile(file);
  let text: string;
  try {
    text = await service.generate(target, format);
  } catch (e) {
    return fail(e, 'reading');
  }
  try {
    await writeFile(file, text);
  } catch (e) {
    return fail(e, 'acting');
  }
  io.out(args.json ? JSON.stringify({ file, format, bytes: Buffer.byteLength(text) }) : `Wrote ${file}`);
  return EXIT_OK;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`connector-studio docs: ${(e as Error).message}\nUsage: connector-studio ${USAGE}`);
    return EXIT_USAGE;
  }
  return withServices(io, (s) => produce(args, io, s));
}

const docs: CliCommand = {
  name: 'docs',
  summary: 'write the documentation of a connector folder or .tgz as Markdown or HTML',
  usage: USAGE,
  run,
};

export default docs;
