/** `connector-studio mock <description file> [--port N] [--json]`: serves the mock vendor of an OpenAPI/Swagger
 * document, a Postman collection or cURL commands on 127.0.0.1 until a signal; `--json` prints {"url","port"}
 * once listening, like `sandbox`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadDescription } from '../../services/api-import/load';
import { startMockVendor } from '../../services/mock-vendor';
import { EXIT_OK, EXIT_USAGE, UsageError, onlyPositional, parseArgs, type CliCommand, type CliIO } from '../command';
import { InputError, exitCodeFor } from '../errors';
import { untilStopSignal } from '../stop-signal';

const USAGE = 'mock <description file> [--port N] [--json]';

async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['port'] });
    const file = path.resolve(io.cwd, onlyPositional(positional, 'name the description: mock <file>', 'give one description file'));
    const port = flags.port === undefined ? 0 : Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${String(flags.port)}"`);
    const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new InputError(`cannot read ${file}: ${e.code ?? e.message}`);
    });
    const description = await loadDescription({ text, fileName: path.basename(file) });
    const mock = await startMockVendor({ description, port });
    if (flags.json === true) io.out(JSON.stringify({ url: mock.url, port: mock.port }));
    else io.out(`Mock vendor for ${description.title} (${description.operations.length} operations) listening at ${mock.url}\nPress Ctrl+C to stop.`);
    await untilStopSignal();
    await mock.close();
    return EXIT_OK;
  } catch (e) {
    const code = exitCodeFor(e, 'reading');
    io.err(`connector-studio mock: ${(e as Error).message}${code === EXIT_USAGE && e instanceof UsageError ? `\nUsage: connector-studio ${USAGE}` : ''}`);
    return code;
  }
}

const command: CliCommand = { name: 'mock', summary: 'serve a mock vendor from an API description', usage: USAGE, run };
export default command;
