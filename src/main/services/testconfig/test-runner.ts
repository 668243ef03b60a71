import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HEALTH_OPERATION, cassetteRelPath } from '../../../shared/models/cassette';
import type { Empty } from '../../../shared/ipc/contract';
import type { TestConfig, TestConfigInput } from '../../../shared/models/test-config';
import { ServiceError, ifMissing } from '../errors';
import type { EventBus } from '../events';
import type { CallEffects, CallOptions, CassetteRequest, CassetteSpec, ConfigSaved, HealthResult, HookName, HookResult, RunResult, RuntimeService } from '../runtime/types';
import { statIfPresent } from '../workspace/fs-probe';
import { resolveInside } from '../workspace/safe-path';
import { isSecretKeyName, secretFieldNames } from '../../../shared/connector/secret-fields';
import { asReceived, changedFields, withoutServerKeys } from '../../../shared/connector/server-config';
import type { TestConfigStore } from './test-config-store';

export interface TestRunnerDeps {
  runtime: () => RuntimeService;
  connectorDirOf: (projectId: string) => Promise<string>;
  /** The project root, where `tests/cassettes/` lives; without it, the connector folder's parent. */
  rootOf?: (projectId: string) => Promise<string>;
  configs: TestConfigStore;
  events: EventBus;
  timeoutMs: () => number;
  /** Workspace trust: configuration hooks are connector code, so a restricted project saves without them. */
  isRestricted?: (projectId: string) => Promise<boolean>;
}

const readInfo = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8').catch(ifMissing('{}'))) as unknown;

/** What Test Actions sends to run one action. */
export interface RunActionRequest {
  /** Tags the `runtime.output` events of this run. */
  runId: string;
  operation: string;
  params: Record<string, unknown>;
  /** The test configuration to run with; none: an empty configuration. */
  configId?: string;
  cassette?: CassetteRequest;
}

/** Test Configuration and Test Actions: saved configurations, their hooks, health checks and action runs. The
 * configuration hooks are connector code: a hook that raises rejects the change (RUNTIME), and a restricted project
 * saves without running them. */
export interface TestRunner {
  listConfigs(projectId: string): Promise<TestConfig[]>;
  /** Runs on_add_config or on_update_config, as the server does; the store keeps the change only if it passed. */
  saveConfig(projectId: string, input: TestConfigInput): Promise<{ config: TestConfig; hook: HookResult }>;
  /** Runs on_delete_config, then removes the configuration. */
  deleteConfig(projectId: string, id: string): Promise<{ hook: HookResult }>;
  /** Runs on_activate or on_deactivate, then saves the new state. */
  setActive(projectId: string, id: string, active: boolean): Promise<{ config: TestConfig; hook: HookResult }>;
  /** The connector's check_health with the configuration, live or through a cassette; a configuration update the
   * connector makes is saved, as during an action (`configSaved` says which fields). */
  health(projectId: string, configId: string, cassette?: CassetteRequest, extra?: CallOptions): Promise<HealthResult>;
  /** Streams logs and output as `runtime.output` events while the action runs; config updates are saved
   * (`configSaved`). */
  execute(projectId: string, req: RunActionRequest, extra?: CallOptions): Promise<RunResult>;
  /** Stops the connector's worker (a run that hangs); the next call starts a new one. */
  stop(projectId: string): Promise<Empty>;
}

type ConfigUpdates = CallEffects['configUpdates'];

/** What the UI gets: the configuration updates carry the connector's values, secrets included, so they stay here;
 * `configSaved` names what was kept. */
function forUi<T extends CallEffects>(result: T, configSaved: ConfigSaved | undefined): T & { configSaved?: ConfigSaved } {
  const { configUpdates: _kept, ...rest } = result;
  return { ...(rest as T), ...(configSaved ? { configSaved } : {}) };
}

export function createTestRunner(deps: TestRunnerDeps): TestRunner {
  /** The configuration as FortiSOAR hands it to the connector: stored values, secrets, and the server's keys. */
  async function received(projectId: string, id: string, use: 'call' | 'hook'): Promise<{ cfg: TestConfig; sent: Record<string, unknown> }> {
    const cfg = await deps.configs.find(projectId, id);
    return { cfg, sent: asReceived(await deps.configs.resolve(projectId, id), cfg, use) };
  }

  /** Keeps what the connector saved with update_connnector_config, as the server does: the configuration whose
   * config_id it named, else the one it ran with. Secrets (password fields, secret-named keys such as a refreshed
   * `access_token`) go to the secret store. */
  async function keepUpdates(projectId: string, dir: string, running: { cfg: TestConfig; sent: Record<string, unknown> }, updates: ConfigUpdates): Promise<ConfigSaved | undefined> {
    if (!updates?.length) return undefined;
    const passwords = secretFieldNames(await readInfo(dir));
    const all = await deps.configs.list(projectId);
    const changed = new Map<string, { name: string; fields: Set<string> }>();
    for (const update of updates) {
      const target = all.find((c) => update.configId !== null && c.configId === update.configId) ?? running.cfg;
      const before = target.id === running.cfg.id ? running.sent : (await received(projectId, target.id, 'call')).sent;
      const fields = changedFields(before, update.config);
      if (!fields.length) continue;
      const cfg = await deps.configs.find(projectId, target.id);
      const values = withoutServerKeys(update.config);
      const secretFields = new Set([...passwords, ...Object.keys(values).filter(isSecretKeyName)]);
      await deps.configs.save(projectId, { ...cfg, values: { ...cfg.values, ...values } }, secretFields);
      const seen = changed.get(cfg.id) ?? { name: cfg.name, fields: new Set<string>() };
      for (const f of fields) seen.fields.add(f);
      changed.set(cfg.id, seen);
    }
    if (!changed.size) return undefined;
    const touched = [...changed.values()];
    return { fields: [...new Set(touched.flatMap((t) => [...t.fields]))].sort(), target: touched.map((t) => t.name).join(', ') };
  }

  async function hook(projectId: string, dir: string, name: HookName, args: unknown[]): Promise<HookResult> {
    if (await deps.isRestricted?.(projectId))
      return {
        hook: name, status: 'Success', data: null, skipped: 'restricted', durationMs: 0, logs: [], stdout: '', stderr: '',
        message: `${name} was not run: the project is in Restricted Mode, so none of its code runs until you trust it. The change was saved without it.`,
      };
    const result = await deps.runtime().runHook(dir, name, args, { timeoutMs: deps.timeoutMs() });
    if (result.status === 'Failed') throw new ServiceError('RUNTIME', `The connector's ${name} refused the change: ${result.message}`, { hook: result });
    return result;
  }

  async function saveConfig(projectId: string, input: TestConfigInput): Promise<{ config: TestConfig; hook: HookResult }> {
    const dir = await deps.connectorDirOf(projectId);
    const secretFields = secretFieldNames(await readInfo(dir));
    const { saved, previous } = await deps.configs.save(projectId, input, secretFields);
    try {
      const now = await received(projectId, saved.id, 'hook');
      const result = previous
        ? await hook(projectId, dir, 'on_update_config', [asReceived({ ...previous.values }, previous, 'hook'), now.sent, saved.active])
        : await hook(projectId, dir, 'on_add_config', [now.sent, saved.active]);
      // A hook may save the configuration too (microsoft-graph's on_update_config keeps its token): kept, as on the server.
      const kept = await keepUpdates(projectId, dir, now, result.configUpdates);
      return { config: kept ? await deps.configs.find(projectId, saved.id) : saved, hook: forUi(result, undefined) };
    } catch (e) {
      await (previous ? deps.configs.save(projectId, { ...previous, values: previous.values }, secretFields) : deps.configs.remove(projectId, saved.id));
      throw e;
    }
  }

  async function deleteConfig(projectId: string, id: string): Promise<{ hook: HookResult }> {
    const dir = await deps.connectorDirOf(projectId);
    const result = forUi(await hook(projectId, dir, 'on_delete_config', [(await received(projectId, id, 'hook')).sent]), undefined);
    await deps.configs.remove(projectId, id);
    return { hook: result };
  }

  async function setActive(projectId: string, id: string, active: boolean): Promise<{ config: TestConfig; hook: HookResult }> {
    const dir = await deps.connectorDirOf(projectId);
    const cfg = await deps.configs.find(projectId, id);
    const result = forUi(await hook(projectId, dir, active ? 'on_activate' : 'on_deactivate', [(await received(projectId, id, 'hook')).sent]), undefined);
    const { saved } = await deps.configs.save(projectId, { ...cfg, active }, new Set());
    return { config: saved, hook: result };
  }

  /** `<project root>/tests/cassettes/<operation>-<name>.json`, through the one path gate; a cassette to replay must exist. */
  async function cassetteFor(projectId: string, dir: string, operation: string, c: CassetteRequest | undefined): Promise<{ cassette?: CassetteSpec }> {
    if (!c) return {};
    const root = deps.rootOf ? await deps.rootOf(projectId) : path.dirname(dir);
    const rel = cassetteRelPath(operation, c.name);
    const file = await resolveInside(root, rel);
    if (c.mode === 'replay' && !(await statIfPresent(file))?.isFile())
      throw new ServiceError('VALIDATION', `There is no cassette "${c.name}" for ${operation} to replay (${rel}): record it first.`);
    return { cassette: { mode: c.mode, path: file } };
  }

  /** `extra`: a debug session's options (its output listeners, its timeout pause), on top of the run's own. */
  async function health(projectId: string, configId: string, cassette?: CassetteRequest, extra: CallOptions = {}): Promise<HealthResult> {
    const dir = await deps.connectorDirOf(projectId);
    const c = await cassetteFor(projectId, dir, HEALTH_OPERATION, cassette);
    const running = await received(projectId, configId, 'call');
    const result = await deps.runtime().checkHealth(dir, running.sent, { timeoutMs: deps.timeoutMs(), ...c, ...extra });
    return forUi(result, await keepUpdates(projectId, dir, running, result.configUpdates));
  }

  async function execute(projectId: string, req: RunActionRequest, extra: CallOptions = {}): Promise<RunResult> {
    const dir = await deps.connectorDirOf(projectId);
    const cassette = await cassetteFor(projectId, dir, req.operation, req.cassette);
    const running = req.configId ? await received(projectId, req.configId, 'call') : undefined;
    const config = running?.sent ?? {};
    const emit = (kind: 'log' | 'stdout' | 'stderr', text: string) => deps.events.emit('runtime.output', { runId: req.runId, kind, text });
    const result = await deps.runtime().execute(dir, req.operation, req.params, config, {
      timeoutMs: deps.timeoutMs(),
      // The platform names this run as the writer of the records it creates (the Platform data view shows it).
      runId: req.runId,
      onLog: (e) => emit('log', `${e.time} ${e.level} ${e.logger}: ${e.message}`),
      onOutput: (stream, text) => emit(stream, text),
      ...cassette,
      ...extra,
    });
    return forUi(result, running && (await keepUpdates(projectId, dir, running, result.configUpdates)));
  }

  async function stop(projectId: string) {
    await deps.runtime().stop(await deps.connectorDirOf(projectId));
    return {};
  }

  return { listConfigs: deps.configs.list, saveConfig, deleteConfig, setActive, health, execute, stop };
}
