import path from 'node:path';
import { readConnectorInfo } from '../../services/runtime/connector-info';
import type { RunResult } from '../../services/runtime/types';
import { EXIT_FAILED, EXIT_OK, UsageError, parseArgs, type CliCommand } from '../command';
import { maskedUpdates, receivedFromFile, saveUpdatesToFile } from '../config-record';
import { InputError } from '../errors';
import { debugPortFlag, waitForDebugger } from '../debug-flag';
import { cassetteFlag, isTgz, openConnectorInput, readJsonObject, resolveCassette } from '../inputs';
import { formatOutput } from '../run-output';
import { withServices } from '../services';

function describe(r: RunResult): string[] {
  const data = r.binary
    ? [`(binary data${r.encoding === 'base64' ? `, ${Buffer.from(String(r.data), 'base64').length} bytes; --json gives it base64-encoded` : ''})`]
    : r.data === null || r.data === undefined ? [] : [typeof r.data === 'string' ? r.data : JSON.stringify(r.data, null, 2)];
  const schema = [
    ...(r.schema.missing.length ? [`missing ${r.schema.missing.join(', ')}`] : []),
    ...(r.schema.extra.length ? [`not declared ${r.schema.extra.join(', ')}`] : []),
  ];
  return [
    `${r.status}: ${r.operation}${r.message ? `: ${r.message}` : ''} (${Math.round(r.durationMs)} ms)`,
    ...data,
    ...(schema.length ? [`Output schema: ${schema.join('; ')}`] : []),
    ...(r.ingested?.length ? r.ingested.map((i) => `Would ingest ${i.count} records with playbook ${i.playbook}.`) : []),
    ...(r.platformRecords?.length ? r.platformRecords.map((c) => `Platform record ${c.action}: ${c.type} ${c.iri}`) : []),
    ...formatOutput(r),
  ];
}

async function inputs(argv: string[], cwd: string) {
  const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['config', 'params', 'record', 'replay', 'platform-data', 'debug'] });
  const [folderArg, operation, extra] = positional;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  try {
    if (folderArg === undefined || !operation) throw new InputError(folderArg ? 'give the operation to run' : 'give the connector folder');
    const flag = cassetteFlag(flags);
    const debugPort = debugPortFlag(flags);
    const config = readJsonObject(flags.config, 'config', cwd);
    const params = flags.params === undefined ? {} : readJsonObject(flags.params, 'params', cwd);
    const input = await openConnectorInput(folderArg, cwd);
    const known = [...readConnectorInfo(input.folder).operations.keys()];
    if (!known.includes(operation)) {
      await input.dispose();
      throw new InputError(`info.json declares no operation "${operation}"; it has: ${known.join(', ') || 'none'}`);
    }
    const cassette = await resolveCassette(flag, { cwd, folder: input.folder, operation, archive: isTgz(folderArg) }).catch(async (e: Error) => {
      await input.dispose();
      throw new InputError(e.message);
    });
    const platformDataDir = flags['platform-data'] === undefined ? undefined : path.resolve(cwd, String(flags['platform-data']));
    return { json: flags.json === true, debugPort, input, operation, config, configFile: path.resolve(cwd, String(flags.config)), params, cassette, platformDataDir };
  } catch (e) {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  }
}

const run: CliCommand = {
  name: 'run',
  summary: 'run one operation of a connector in the simulated runtime',
  usage: 'run <folder|tgz> <operation> --config FILE [--params FILE] [--record|--replay NAME] [--platform-data DIR] [--debug PORT] [--json]',
  async run(argv, io) {
    const { json, debugPort, input, operation, config, configFile, params, cassette, platformDataDir } = await inputs(argv, io.cwd);
    try {
      // The IDE's runtime, so `run` behaves like Execute in the Test view; the --config file is the configuration
      // record, and an update the action saves goes into it (configSaved; stderr says so).
      const sent = receivedFromFile(configFile, config);
      const result: RunResult = await withServices(io, async (s) => {
        // --debug: a debugger attaches before the action runs, and the user's pauses have no timeout.
        if (debugPort !== undefined) await waitForDebugger(s, input.folder, debugPort, io);
        const options = { ...(cassette ? { cassette } : {}), ...(debugPort !== undefined ? { timeoutMs: Infinity } : {}) };
        const r = await (await s.runtime()).current().execute(input.folder, operation, params, sent, options);
        const configSaved = await saveUpdatesToFile(configFile, sent, r.configUpdates, s.gitBinary(), io);
        return { ...r, configUpdates: maskedUpdates(r.configUpdates, readConnectorInfo(input.folder).passwordFields), ...(configSaved ? { configSaved } : {}) };
      }, { platformDataDir });
      io.out(json ? JSON.stringify(result) : describe(result).join('\n'));
      return result.status === 'Success' ? EXIT_OK : EXIT_FAILED;
    } finally {
      await input.dispose();
    }
  },
};
export default run;
