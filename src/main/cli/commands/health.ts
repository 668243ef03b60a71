import path from 'node:path';
import { HEALTH_OPERATION } from '../../../shared/models/cassette';
import { readConnectorInfo } from '../../services/runtime/connector-info';
import { EXIT_FAILED, EXIT_OK, UsageError, parseArgs, type CliCommand } from '../command';
import { maskedUpdates, receivedFromFile, saveUpdatesToFile } from '../config-record';
import { InputError } from '../errors';
import { debugPortFlag, waitForDebugger } from '../debug-flag';
import { cassetteFlag, isTgz, openConnectorInput, readJsonObject, resolveCassette } from '../inputs';
import { formatOutput } from '../run-output';
import { withServices } from '../services';

async function inputs(argv: string[], cwd: string) {
  const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['config', 'record', 'replay', 'platform-data', 'debug'] });
  if (positional.length > 1) throw new UsageError(`unexpected argument "${positional[1]}"`);
  try {
    const flag = cassetteFlag(flags);
    const debugPort = debugPortFlag(flags);
    const config = readJsonObject(flags.config, 'config', cwd);
    const input = await openConnectorInput(positional[0], cwd);
    const where = { cwd, folder: input.folder, operation: HEALTH_OPERATION, archive: isTgz(positional[0] ?? '') };
    const cassette = await resolveCassette(flag, where).catch(async (e: Error) => {
      await input.dispose();
      throw new InputError(e.message);
    });
    const platformDataDir = flags['platform-data'] === undefined ? undefined : path.resolve(cwd, String(flags['platform-data']));
    return { json: flags.json === true, debugPort, input, config, configFile: path.resolve(cwd, String(flags.config)), cassette, platformDataDir };
  } catch (e) {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  }
}

const health: CliCommand = {
  name: 'health',
  summary: 'check a connector configuration in the simulated runtime',
  usage: 'health <folder|tgz> --config FILE [--record|--replay NAME] [--platform-data DIR] [--debug PORT] [--json]',
  async run(argv, io) {
    const { json, debugPort, input, config, configFile, cassette, platformDataDir } = await inputs(argv, io.cwd);
    try {
      // The IDE's runtime: its interpreter, the connector's environment, timeout and memory limit from Settings. The
      // --config file is the configuration record: a token the check refreshes is saved into it, as on the server.
      const sent = receivedFromFile(configFile, config);
      const result = await withServices(io, async (s) => {
        // --debug: a debugger attaches before the check runs, and the user's pauses have no timeout.
        if (debugPort !== undefined) await waitForDebugger(s, input.folder, debugPort, io);
        const options = { ...(cassette ? { cassette } : {}), ...(debugPort !== undefined ? { timeoutMs: Infinity } : {}) };
        const r = await (await s.runtime()).current().checkHealth(input.folder, sent, options);
        const configSaved = await saveUpdatesToFile(configFile, sent, r.configUpdates, s.gitBinary(), io);
        return { ...r, configUpdates: maskedUpdates(r.configUpdates, readConnectorInfo(input.folder).passwordFields), ...(configSaved ? { configSaved } : {}) };
      }, { platformDataDir });
      if (json) io.out(JSON.stringify(result));
      else io.out([`${result.status}: ${result.message} (${Math.round(result.durationMs)} ms)`, ...formatOutput(result)].join('\n'));
      return result.status === 'Available' ? EXIT_OK : EXIT_FAILED;
    } finally {
      await input.dispose();
    }
  },
};
export default health;
