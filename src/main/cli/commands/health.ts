import { InputError, cliRuntime, connectorFolder, formatOutput, readJsonObject } from '../../services/runtime/cli-support';
import { EXIT_FAILED, EXIT_OK, UsageError, parseArgs, type CliCommand } from '../command';

function inputs(argv: string[], cwd: string) {
  const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['config'] });
  if (positional.length > 1) throw new UsageError(`unexpected argument "${positional[1]}"`);
  try {
    return { json: flags.json === true, folder: connectorFolder(positional[0], cwd), config: readJsonObject(flags.config, 'config', cwd) };
  } catch (e) {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  }
}

const health: CliCommand = {
  name: 'health',
  summary: 'check a connector configuration in the simulated runtime',
  usage: 'health <folder> --config FILE [--json]',
  async run(argv, io) {
    const { json, folder, config } = inputs(argv, io.cwd);
    const runtime = cliRuntime(io.env);
    try {
      const result = await runtime.checkHealth(folder, config);
      if (json) io.out(JSON.stringify(result));
      else io.out([`${result.status}: ${result.message} (${Math.round(result.durationMs)} ms)`, ...formatOutput(result)].join('\n'));
      return result.status === 'Available' ? EXIT_OK : EXIT_FAILED;
    } finally {
      await runtime.stopAll();
    }
  },
};
export default health;
