import { readFileSync, statSync } from 'node:fs';
import type { SmokeAction, TransactionStep } from '../../../shared/models/publish';
import path from 'node:path';
import { isServiceError } from '../../services/errors';
import type { Credentials } from '../../services/publish/client';
import { isPublishError } from '../../services/publish/errors';
import type { HealthChoice, PublishOutcome, PublishProgress } from '../../services/publish/publish-flow';
import { EXIT_FAILED, EXIT_OK, UsageError, onlyPositional, parseArgs, type CliCommand, type CliIO } from '../command';
import { withServices } from '../services';

const USAGE =
  'publish <folder|tgz> --server URL [--replace] [--api-key-env VAR | --user NAME --password-env VAR | --hmac-public KEY --hmac-private-env VAR] ' +
  '[--ca FILE] [--pin SHA256] [--delete-other-versions] [--health-config NAME | --config FILE [--config-name NAME]] ' +
  '[--verify] [--smoke op1,op2 --params-dir DIR] [--no-rollback] [--json]';

export type Flags = Record<string, string | boolean>;
const str = (flags: Flags, name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);

/** Secrets come from environment variables named on the command line, never from arguments (shell history). */
export function secretFrom(env: NodeJS.ProcessEnv, flags: Flags, flag: string): string {
  const name = str(flags, flag);
  if (!name) throw new UsageError(`--${flag} VAR is required: the name of the environment variable that holds the secret`);
  const value = env[name];
  if (!value) throw new UsageError(`the environment variable ${name} (from --${flag}) is not set or empty`);
  return value;
}

export function credentialsOf(flags: Flags, env: NodeJS.ProcessEnv): Credentials {
  const chosen = [flags['api-key-env'] !== undefined, flags.user !== undefined, flags['hmac-public'] !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('give exactly one way to sign in: --api-key-env VAR, --user NAME --password-env VAR, or --hmac-public KEY --hmac-private-env VAR');
  if (flags['api-key-env'] !== undefined) return { kind: 'apiKey', apiKey: secretFrom(env, flags, 'api-key-env') };
  if (flags.user !== undefined) return { kind: 'password', username: String(flags.user), password: secretFrom(env, flags, 'password-env') };
  return { kind: 'hmac', publicKey: String(flags['hmac-public']), privateKey: secretFrom(env, flags, 'hmac-private-env') };
}

export function readInput(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function healthOf(flags: Flags, cwd: string): HealthChoice | undefined {
  if (flags['health-config'] !== undefined && flags.config !== undefined) throw new UsageError('give --health-config NAME or --config FILE, not both');
  if (typeof flags['health-config'] === 'string') return { config: flags['health-config'] };
  const file = str(flags, 'config');
  if (!file) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(readInput(path.resolve(cwd, file), '--config'));
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError(`--config ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!values || typeof values !== 'object' || Array.isArray(values)) throw new UsageError(`--config ${file} must hold a JSON object of field names and values`);
  return { create: { name: str(flags, 'config-name') ?? 'default', values: values as Record<string, unknown> } };
}

/** `--smoke op1,op2`: each operation's inputs from `DIR/<operation>.json`; a missing file is `{}`, one that cannot
 * be read or is not a JSON object is a usage error (exit 2), before anything is uploaded. */
function smokeOf(flags: Flags, cwd: string): SmokeAction[] | undefined {
  const list = str(flags, 'smoke');
  if (flags['params-dir'] !== undefined && list === undefined) throw new UsageError('--params-dir goes with --smoke op1,op2');
  if (list === undefined) return undefined;
  const ops = list.split(',').map((o) => o.trim()).filter(Boolean);
  if (ops.length === 0) throw new UsageError('--smoke needs operation names, e.g. --smoke get_ip_reputation,check_status');
  const dir = str(flags, 'params-dir');
  return ops.map((operation) => {
    if (!dir || !/^[\w.-]+$/.test(operation)) return { operation, params: {} };
    const file = path.resolve(cwd, dir, `${operation}.json`);
    if (!statSync(file, { throwIfNoEntry: false })) return { operation, params: {} };
    let params: unknown;
    try {
      params = JSON.parse(readInput(file, `the smoke inputs of ${operation}`));
    } catch (e) {
      throw e instanceof UsageError ? e : new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
    if (!params || typeof params !== 'object' || Array.isArray(params)) throw new UsageError(`${file} must hold a JSON object of parameter names and values`);
    return { operation, params: params as Record<string, unknown> };
  });
}

/** Server, credentials and TLS: shared by publish and rollback. */
export function serverOptions(flags: Flags, io: CliIO) {
  const server = str(flags, 'server');
  if (!server || !/^https?:\/\/[^/]/.test(server)) throw new UsageError('--server URL is required, e.g. --server https://soar.example.com');
  const timeout = flags.timeout === undefined ? undefined : Number(flags.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`--timeout must be a number of seconds, not "${flags.timeout}"`);
  const ca = str(flags, 'ca');
  return {
    url: server,
    credentials: credentialsOf(flags, io.env),
    tls: { ca: ca ? readInput(path.resolve(io.cwd, ca), '--ca') : undefined, pinnedSha256: str(flags, 'pin') },
    env: io.env,
    timeoutMs: timeout ? timeout * 1000 : undefined,
  };
}

export const SERVER_FLAGS = ['server', 'api-key-env', 'user', 'password-env', 'hmac-public', 'hmac-private-env', 'ca', 'pin', 'timeout'];

function inputs(argv: string[], io: CliIO) {
  const { flags, positional } = parseArgs(argv, {
    booleans: ['replace', 'json', 'delete-other-versions', 'verify', 'no-rollback'],
    strings: [...SERVER_FLAGS, 'health-config', 'config', 'config-name', 'smoke', 'params-dir'],
  });
  const source = path.resolve(io.cwd, onlyPositional(positional, 'give the connector folder or .tgz', `unexpected argument "${positional[1]}"`));
  if (!statSync(source, { throwIfNoEntry: false })) throw new UsageError(`no such folder or file: ${source}`);
  const smoke = smokeOf(flags, io.cwd);
  return {
    source,
    server: serverOptions(flags, io),
    json: flags.json === true,
    health: healthOf(flags, io.cwd),
    replace: flags.replace === true,
    deleteOtherVersions: flags['delete-other-versions'] === true,
    // --smoke implies --verify.
    verify: flags.verify === true || smoke !== undefined,
    smoke,
    rollback: flags['no-rollback'] !== true,
  };
}

/** One line per stage, and the upload once at its end: a CI log, not a progress bar. */
function progressPrinter(io: CliIO): (p: PublishProgress) => void {
  let last = '';
  return (p) => {
    if (p.stage === 'upload' && p.sent !== p.total && p.sent !== 0) return;
    const line = p.stage === 'upload' && p.sent ? `${p.message}: ${p.sent} bytes sent` : p.message;
    if (line !== last) io.out((last = line));
  };
}

const stepLine = (s: TransactionStep) => `  ${s.status.padEnd(7)} ${s.step} (${s.durationMs} ms)${s.message ? `: ${s.message.split('\n')[0]}` : ''}`;

function summary(o: PublishOutcome): string {
  const lines = [o.message];
  if (o.result !== 'success') {
    const failed = o.steps?.find((s) => s.status === 'failed' && s.step !== 'rollback');
    if (failed) lines.push(`Failed step: ${failed.step}${failed.message ? ` - ${failed.message.split('\n')[0]}` : ''}`);
    lines.push(o.rolledBack ? 'Rolled back: the server is as it was before this publish.' : o.steps?.some((s) => s.step === 'rollback') ? 'The rollback failed: see the rollback step.' : `Not rolled back: ${o.connector.name} ${o.connector.version} stays installed.`);
  }
  if (o.steps?.length) lines.push('Steps:', ...o.steps.map(stepLine));
  if (o.requirements.status !== 'Completed' && o.requirements.output) lines.push('pip output:', ...o.requirements.output.trimEnd().split('\n').slice(-15).map((l) => `  ${l}`));
  if (o.deletedVersions.length) lines.push(`Uninstalled: ${o.deletedVersions.map((v) => v.version).join(', ')}`);
  lines.push(...o.notes, `Archive SHA-256: ${o.archiveSha256}`);
  if (o.archivePath) lines.push(`Archive kept at ${o.archivePath}`);
  return lines.join('\n');
}

const publish: CliCommand = {
  name: 'publish',
  summary: 'publish a connector to a FortiSOAR server (or the sandbox)',
  usage: USAGE,
  async run(argv, io) {
    const i = inputs(argv, io);
    const server = i.server;
    const steps: TransactionStep[] = [];
    try {
      // The app's publish flow (pre-flight, upload, import job, health, history), to a server given on the spot.
      const outcome = await withServices(io, async (s) =>
        (await s.publisher()).publish(server, i.source, {
          replace: i.replace,
          deleteOtherVersions: i.deleteOtherVersions,
          health: i.health,
          verify: i.verify,
          smoke: i.smoke,
          rollback: i.rollback,
          onStep: (st) => steps.push(st),
          onProgress: i.json ? undefined : progressPrinter(io),
        }),
      );
      io.out(i.json ? JSON.stringify({ ...outcome, steps: outcome.steps ?? steps, rolledBack: outcome.rolledBack ?? false }) : summary(outcome));
      return outcome.result === 'success' ? EXIT_OK : EXIT_FAILED;
    } catch (e) {
      if (!isServiceError(e)) throw e;
      // A missing or unreadable source is bad input; everything past it is the publish failing.
      if (!isPublishError(e) && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION')) throw new UsageError(e.message);
      const details = isPublishError(e) ? e.details : { kind: e.code };
      const rolledBack = steps.some((st) => st.step === 'rollback' && st.status === 'passed');
      if (i.json) io.out(JSON.stringify({ result: 'error', error: { ...details, code: e.code, message: e.message }, steps, rolledBack }));
      else io.err(`Publish failed: ${e.message}${steps.length ? `\nSteps:\n${steps.map(stepLine).join('\n')}` : ''}`);
      return EXIT_FAILED;
    }
  },
};
export default publish;
