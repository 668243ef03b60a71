import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSandbox, type SandboxOptions } from '../../sandbox/server';
import { defaultUserDataDir } from '../../services/settings/paths';
import { EXIT_OK, UsageError, parseArgs, type CliCommand, type CliIO } from '../command';
import { cliServices } from '../services';
import { untilStopSignal } from '../stop-signal';

const USAGE =
  'sandbox [--port N] [--data DIR] [--user NAME:PASSWORD] [--api-key KEY] [--hmac PUBLIC:PRIVATE] [--config FILE] [--host ADDRESS] [--tls-cert FILE --tls-key FILE] [--job-step-ms N] [--json]';

type Role = 'admin' | 'readonly';
interface AccessFile {
  users?: Array<{ name: string; password: string; role?: Role }>;
  apiKeys?: Array<{ key: string; role?: Role }>;
  hmacKeys?: Array<{ publicKey: string; privateKey: string; role?: Role }>;
}

/** `NAME:PASSWORD` and `PUBLIC:PRIVATE` split at the first colon: passwords and private keys may hold colons. */
function pair(value: string | boolean | undefined, flag: string): [string, string] | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`--${flag} must look like ${flag === 'user' ? 'NAME:PASSWORD' : 'PUBLIC:PRIVATE'}`);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** --config FILE: more users and keys than the flags allow, and read-only ones (role "readonly"). */
function readAccess(file: string | boolean | undefined, cwd: string): AccessFile {
  const text = readPem(file, 'config', cwd);
  if (text === undefined) return {};
  let value: AccessFile;
  try {
    value = JSON.parse(text) as AccessFile;
  } catch (e) {
    throw new UsageError(`--config ${String(file)} is not valid JSON: ${(e as Error).message}`);
  }
  const list = (v: unknown, what: string, keys: string[]) => {
    if (v === undefined) return;
    if (!Array.isArray(v) || v.some((x) => !x || keys.some((k) => typeof (x as Record<string, unknown>)[k] !== 'string')))
      throw new UsageError(`--config: "${what}" must be a list of objects with ${keys.join(' and ')} (and an optional "role": "admin" or "readonly")`);
  };
  list(value.users, 'users', ['name', 'password']);
  list(value.apiKeys, 'apiKeys', ['key']);
  list(value.hmacKeys, 'hmacKeys', ['publicKey', 'privateKey']);
  return value;
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
  const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['port', 'data', 'user', 'api-key', 'hmac', 'config', 'host', 'tls-cert', 'tls-key', 'job-step-ms'] });
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${flags.port}"`);
  const user = pair(flags.user, 'user');
  const hmac = pair(flags.hmac, 'hmac');
  const apiKey = typeof flags['api-key'] === 'string' ? flags['api-key'] : undefined;
  const access = readAccess(flags.config, io.cwd);
  const users = [...(user ? [{ name: user[0], password: user[1] }] : []), ...(access.users ?? [])];
  const apiKeys = [...(apiKey ? [{ key: apiKey }] : []), ...(access.apiKeys ?? [])];
  const hmacKeys = [...(hmac ? [{ publicKey: hmac[0], privateKey: hmac[1] }] : []), ...(access.hmacKeys ?? [])];
  if (!users.length && !apiKeys.length && !hmacKeys.length)
    throw new UsageError('give at least one way in: --user NAME:PASSWORD, --api-key KEY, --hmac PUBLIC:PRIVATE or --config FILE');
  const cert = readPem(flags['tls-cert'], 'tls-cert', io.cwd);
  const key = readPem(flags['tls-key'], 'tls-key', io.cwd);
  if (Boolean(cert) !== Boolean(key)) throw new UsageError('--tls-cert and --tls-key go together');
  // How long each import-job step takes (default 200 ms): a slower job lets a test watch publish progress.
  const jobStepMs = flags['job-step-ms'] === undefined ? undefined : Number(flags['job-step-ms']);
  if (jobStepMs !== undefined && (!Number.isInteger(jobStepMs) || jobStepMs < 0 || jobStepMs > 600_000))
    throw new UsageError(`--job-step-ms must be a number of milliseconds from 0 to 600000, not "${flags['job-step-ms']}"`);
  const userData = defaultUserDataDir(io.env);
  return {
    json: flags.json === true,
    dataDir: typeof flags.data === 'string' ? path.resolve(io.cwd, flags.data) : path.join(userData, 'sandbox'),
    port,
    host: typeof flags.host === 'string' ? flags.host : '127.0.0.1',
    users,
    apiKeys,
    hmacKeys,
    ...(cert && key ? { tls: { cert, key } } : {}),
    ...(jobStepMs !== undefined ? { jobStepMs } : {}),
  };
}

const sandbox: CliCommand = {
  name: 'sandbox',
  summary: 'run a local FortiSOAR-compatible server to publish to',
  usage: USAGE,
  async run(argv, io) {
    const { json, ...options } = sandboxOptions(argv, io);
    // Connectors installed into the sandbox run on the IDE's interpreter (CONNECTOR_STUDIO_PYTHON, then Settings),
    // and on its platform default when they have no venv, as in the IDE.
    const services = cliServices(io);
    const [pythonCommand, envs] = await Promise.all([services.pythonCommand(), services.environments()]);
    const server = await startSandbox({ ...options, pythonCommand, platform: envs.platformOf, log: json ? undefined : (line) => io.err(line) });
    if (json) io.out(JSON.stringify({ url: server.url, port: server.port, dataDir: server.dataDir }));
    else io.out(`FortiSOAR sandbox listening at ${server.url}\nPackages and configurations are kept in ${server.dataDir}\nPress Ctrl+C to stop.`);
    await untilStopSignal();
    await server.close();
    return EXIT_OK;
  },
};
export default sandbox;
