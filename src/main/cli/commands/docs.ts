/** `connector-studio docs <folder|tgz> [-o FILE.md|FILE.html] [--json]`: the connector's documentation, to
 * stdout as Markdown, or to FILE (HTML when it ends in .html). Exit 0 on success, 2 on bad usage or unreadable input. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDocsService, formatForFile } from '../../services/docs';
import { EXIT_OK, EXIT_USAGE, UsageError, parseArgs, type CliCommand, type CliIO } from '../command';

const USAGE = 'docs <folder|tgz> [-o FILE.md|FILE.html] [--json]';

interface Args {
  readonly target: string;
  readonly output?: string;
  readonly json: boolean;
}

function parse(argv: string[]): Args {
  const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['output'], aliases: { o: 'output' } });
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'name a connector folder or .tgz' : 'give exactly one folder or .tgz');
  return { target: positional[0], json: flags.json === true, ...(typeof flags.output === 'string' ? { output: flags.output } : {}) };
}

/** Without -o: Markdown, or with --json the documentation model. With -o: the file, and what was written. */
async function produce(args: Args, io: CliIO): Promise<void> {
  const service = createDocsService();
  const target = path.resolve(io.cwd, args.target);
  if (!args.output) {
    io.out(args.json ? JSON.stringify(await service.model(target)) : await service.generate(target, 'markdown'));
    return;
  }
  const file = path.resolve(io.cwd, args.output);
  const format = formatForFile(file);
  const text = await service.generate(target, format);
  await writeFile(file, text);
  io.out(args.json ? JSON.stringify({ file, format, bytes: Buffer.byteLength(text) }) : `Wrote ${file}`);
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`connector-studio docs: ${(e as Error).message}\nUsage: connector-studio ${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    await produce(args, io);
    return EXIT_OK;
  } catch (e) {
    io.err(`connector-studio docs: ${(e as Error).message}`);
    return EXIT_USAGE;
  }
}

const docs: CliCommand = {
  name: 'docs',
  summary: 'write the documentation of a connector folder or .tgz as Markdown or HTML',
  usage: USAGE,
  run,
};

export default docs;
