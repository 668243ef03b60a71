/** `connector-studio env <folder> [show|create|install] [--json]`: the connector's Python environment, the same
 * one the IDE's Environment tab, `run`, `health` and the sandbox use (services/runtime/python-environments.ts).
 * show (the default) describes it, --json as the RuntimeEnvironment object; create makes the connector's venv
 * (--platform: the platform default, FortiSOAR's pre-installed libraries, for connectors without a venv);
 * install (re)makes the venv with requirements.txt. Progress goes to stderr. Exit 0 done, 1 pip or the venv
 * failed (the requirements it could not install are named), 2 bad usage or not a connector folder. */
import type { Events } from '../../../shared/ipc/contract';
import type { InstallOutcome, RuntimeEnvironment } from '../../../shared/models/environment';
import type { EnvironmentService } from '../../services/runtime/environment-service';
import { EXIT_FAILED, EXIT_OK, UsageError, parseArgs, type CliCommand, type CliIO } from '../command';
import { InputError } from '../errors';
import { connectorFolder, isTgz } from '../inputs';
import { withServices } from '../services';
import { plural } from '../../../shared/plural';

const USAGE = 'env <folder> [show|create [--platform]|install] [--json]';
const ACTIONS = ['show', 'create', 'install'] as const;
type Action = (typeof ACTIONS)[number];

function inputs(argv: string[], cwd: string) {
  const { flags, positional } = parseArgs(argv, { booleans: ['json', 'platform'] });
  const [folderArg, actionArg = 'show', extra] = positional;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (!ACTIONS.includes(actionArg as Action)) throw new UsageError(`unknown action "${actionArg}": give show, create or install`);
  const action = actionArg as Action;
  if (flags.platform === true && action !== 'create') throw new UsageError('--platform goes with create');
  try {
    if (folderArg !== undefined && isTgz(folderArg)) throw new InputError(`${folderArg} is an archive: an environment belongs to a connector folder (import the archive first)`);
    return { folder: connectorFolder(folderArg, cwd), action, platform: flags.platform === true, json: flags.json === true };
  } catch (e) {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  }
}

const KIND: Record<RuntimeEnvironment['kind'], string> = {
  connector: "the connector's virtualenv",
  platform: 'the platform default (FortiSOAR\'s pre-installed libraries)',
  interpreter: 'the plain interpreter (no virtualenv of its own, no platform default)',
};

export function describeEnvironment(e: RuntimeEnvironment, folderArg: string): string[] {
  const i = e.interpreter;
  const missing = e.platformLibraries.filter((l) => l.installedVersion === undefined).map((l) => l.module);
  const p = e.platform;
  const version = p.pythonVersion ? ` (Python ${p.pythonVersion})` : '';
  return [
    `Runs on: ${KIND[e.kind]}`,
    `Interpreter: ${i.found ? `Python ${i.version} ${i.path ?? i.command}` : `"${i.command}" does not start`}`,
    `Virtualenv: ${e.venv.path} ${e.venv.exists ? `(${plural(e.packages.length, 'package')} of its own)` : `(not made: connector-studio env ${folderArg} create)`}`,
    `Platform default${version}: ${p.path} ${p.exists ? `(made ${p.createdAt ?? ''}${p.failed.length ? `; pip could not install ${p.failed.join(', ')}` : ''})` : `(not made: connector-studio env ${folderArg} create --platform)`}`,
    `Tools${version}: ${e.tools.exists ? `${e.tools.path} (${e.tools.packages.map((t) => `${t.name} ${t.version}`).join(', ') || 'empty'})` : 'not installed'}`,
    `Requirements: ${e.requirements.length ? e.requirements.join(', ') : 'none'}`,
    missing.length ? `Platform libraries missing here: ${missing.join(', ')}` : 'Platform libraries: all importable',
    ...(e.lastInstall ? [`Last install: ${e.lastInstall.at} ${e.lastInstall.status}: ${e.lastInstall.message}`] : []),
  ];
}

/** Runs one of the environment's jobs with its progress lines on stderr. */
async function job(io: CliIO, work: (envs: EnvironmentService, runId: string) => Promise<InstallOutcome>): Promise<InstallOutcome> {
  const runId = `cli-env-${process.pid}`;
  return withServices(io, async (s) => {
    const off = s.events.subscribe((name, payload) => {
      if (name !== 'runtime.installProgress') return;
      const e = payload as Events['runtime.installProgress'];
      if (e.runId === runId) io.err(`  ${e.line}`);
    });
    try {
      return await work(await s.environments(), runId);
    } finally {
      off();
    }
  });
}

const env: CliCommand = {
  name: 'env',
  summary: "show or make the connector's Python environment (its venv, the platform default)",
  usage: USAGE,
  async run(argv, io) {
    const { folder, action, platform, json } = inputs(argv, io.cwd);
    const folderArg = argv.find((a) => !a.startsWith('-')) ?? folder;
    if (action === 'show') {
      const environment = await withServices(io, async (s) => (await s.environments()).environmentOf(folder));
      io.out(json ? JSON.stringify(environment) : describeEnvironment(environment, folderArg).join('\n'));
      return EXIT_OK;
    }
    const outcome = await job(io, (envs, runId) =>
      action === 'install' ? envs.installIn(folder, runId) : platform ? envs.createPlatformFor(folder, runId) : envs.createVenvIn(folder, runId),
    );
    if (json) io.out(JSON.stringify(outcome));
    else io.out([`${outcome.status}: ${outcome.message}`, ...describeEnvironment(outcome.environment, folderArg)].join('\n'));
    if (outcome.status !== 'Completed' && !json) io.err(`connector-studio env: ${outcome.message}`);
    return outcome.status === 'Completed' ? EXIT_OK : EXIT_FAILED;
  },
};
export default env;
