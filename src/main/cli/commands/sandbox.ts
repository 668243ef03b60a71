import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSandbox, type SandboxOptions } from '../../sandbox/server';
import { defaultUserDataDir } from '../../services/settings/paths';
import { pythonCandidates } from '../../services/settings/tool-detect';
import { EXIT_OK, UsageError, parseArgs, type CliCommand, type CliIO } from '../command';

const USAGE =
  'sandbox [--port N] [--data DIR] [--user NAME:PASSWORD] [--api-key KEY] [--hmac PUBLIC:PRIVATE] [--host ADDRESS] [--tls-cert FILE --tls-key FILE] [--json]';

/** `NAME:PASSWORD` and `PUBLIC:PRIVATE` split at the first colon: passwords and private keys may hold colons. */
function pair(value: string | boolean | undefined, flag: string): [string, string] | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`--${flag} must look like ${flag === 'user' ? 'NAME:PASSWORD' : 'PUBLIC:PRIVATE'}`);
  return [text.slice(0, at), text.slice(at + 1)];
}

function readPem(file: string | boolean | undefined, flag: string, cwd: string): string | undefined {
  if (typeof file !== 'string') return undefined;
  try {
    return readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --${flag} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function sandboxOptions(argv: string[], io: Pick<CliIO, 'cwd' | 'env'>): SandboxOptions & { json: boolean } {
  const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['port', 'data', 'user', 'api-key', 'hmac', 'host', 'tls-cert', 'tls-key'] });
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${flags.port}"`);
  const user = pair(flags.user, 'user');
  const hmac = pair(flags.hmac, 'hmac');
  const apiKey = typeof flags['api-key'] === 'string' ? flags['api-key'] : undefined;
  if (!user && !hmac && !apiKey) throw new UsageError('give at least one way in: --user NAME:PASSWORD, --api-key KEY or --hmac PUBLIC:PRIVATE');
  const cert = readPem(flags['tls-cert'], 'tls-cert', io.cwd);
  const key = readPem(flags['tls-key'], 'tls-key', io.cwd);
  if (Boolean(cert) !== Boolean(key)) throw new UsageError('--tls-cert and --tls-key go together');
  const userData = defaultUserDataDir(io.env);
  return {
    json: flags.json === true,
    dataDir: typeof flags.data === 'string' ? path.resolve(io.cwd, flags.data) : path.join(userData, 'sandbox'),
    port,
    host: typeof flags.host === 'string' ? flags.host : '127.0.0.1',
    users: user ? [{ name: user[0], password: user[1] }] : [],
    apiKeys: apiKey ? [{ key: apiKey }] : [],
    hmacKeys: hmac ? [{ publicKey: hmac[0], privateKey: hmac[1] }] : [],
    ...(cert && key ? { tls: { cert, key } } : {}),
    pythonCommand: pythonCandidates(io.env.CONNECTOR_STUDIO_PYTHON ?? '')[0],
  };
}

const sandbox: CliCommand = {
  name: 'sandbox',
  summary: 'run a local FortiSOAR-compatible server to publish to',
  usage: USAGE,
  async run(argv, io) {
    const { json, ...options } = sandboxOptions(argv, io);
    const server = await startSandbox({ ...options, log: json ? undefined : (line) => io.err(line) });
    if (json) io.out(JSON.stringify({ url: server.url, port: server.port, dataDir: server.dataDir }));
    else io.out(`FortiSOAR sandbox listening at ${server.url}\nPackages and configurations are kept in ${server.dataDir}\nPress Ctrl+C to stop.`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return EXIT_OK;
  },
};
export default sandbox;
