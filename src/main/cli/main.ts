import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from './command';
import { exitCodeFor } from './errors';
import { COMMANDS, type Entry } from './registry';

export function helpText(version: string): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, e]) => `  ${name.padEnd(width)}  ${e.summary}`);
  return [
    `Connector Studio ${version}: build, test, review and publish FortiSOAR connectors.`,
    '',
    'Usage: connector-studio [command] [options]',
    '       connector-studio [--workspace DIR]     start the IDE',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --json for machine output. Exit codes: 0 success, 1 the check found errors or the',
    'action failed, 2 bad usage or bad input.',
    '',
    'Options: --help, --version',
  ].join('\n');
}

/** Parses the command word and hands the rest to the command; never throws, always returns an exit code: 2 when
 * the usage or the input is wrong, 1 when the command failed while running. `commands`: the table (tests). */
export async function runCli(argv: string[], io: CliIO, version: string, commands: Readonly<Record<string, Entry>> = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') return io.out(helpText(version)), EXIT_OK;
  if (first === '--version' || first === '-v') return io.out(version), EXIT_OK;
  const name = first === undefined || first.startsWith('-') ? 'start' : first;
  const args = name === 'start' && first !== 'start' ? argv : rest;
  const entry = commands[name];
  if (!entry) {
    io.err(`connector-studio: unknown command "${name}". Run connector-studio --help for the list.`);
    return EXIT_USAGE;
  }
  try {
    const { default: command } = await entry.load();
    if (args.includes('--help')) return io.out(`Usage: connector-studio ${command.usage}`), EXIT_OK;
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`connector-studio ${name}: ${e.message}\nUsage: connector-studio ${entry.summary}`);
      return EXIT_USAGE;
    }
    io.err(`connector-studio ${name}: ${(e as Error).message}`);
    return exitCodeFor(e);
  }
}
