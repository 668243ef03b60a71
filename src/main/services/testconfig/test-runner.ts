import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HEALTH_OPERATION, cassetteRelPath } from '../../../shared/models/cassette';
import type { Empty } from '../../../shared/ipc/contract';
import type { TestConfig, TestConfigInput } from '../../../shared/models/test-config';
import { ServiceError, ifMissing } from '../errors';
import type { EventBus } from '../events';
import type { CassetteRequest, CassetteSpec, HealthResult, HookName, HookResult, RunResult, RuntimeService } from '../runtime/types';
import { statIfPresent } from '../workspace/fs-probe';
import { resolveInside } from '../workspace/safe-path';
import { secretFieldNames } from '../../../shared/connector/secret-fields';
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
  /** The connector's check_health with the configuration, live or through a cassette. */
  health(projectId: string, configId: string, cassette?: CassetteRequest): Promise<HealthResult>;
  /** Streams logs and output as `runtime.output` events while the action runs; config updates are saved. */
  execute(projectId: string, req: RunActionRequest): Promise<RunResult>;
  /** Stops the connector's worker (a run that hangs); the next call starts a new one. */
  stop(projectId: string): Promise<Empty>;
}

export function createTestRunner(deps: TestRunnerDeps): TestRunner {
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
      const full = await deps.configs.resolve(projectId, saved.id);
      const result = previous
        ? await hook(projectId, dir, 'on_update_config', [{ ...previous.values }, full, saved.active])
        : await hook(projectId, dir, 'on_add_config', [full, saved.active]);
      return { config: saved, hook: result };
    } catch (e) {
      await (previous ? deps.configs.save(projectId, { ...previous, values: previous.values }, secretFields) : deps.configs.remove(projectId, saved.id));
      throw e;
    }
  }

  async function deleteConfig(projectId: string, id: string): Promise<{ hook: HookResult }> {
    const dir = await deps.connectorDirOf(projectId);
    const result = await hook(projectId, dir, 'on_delete_config', [await deps.configs.resolve(projectId, id)]);
    await deps.configs.remove(projectId, id);
    return { hook: result };
  }

  async function setActive(projectId: string, id: string, active: boolean): Promise<{ config: TestConfig; hook: HookResult }> {
    const dir = await deps.connectorDirOf(projectId);
    const cfg = await deps.configs.find(projectId, id);
    const result = await hook(projectId, dir, active ? 'on_activate' : 'on_deactivate', [await deps.configs.resolve(projectId, id)]);
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

  async function health(projectId: string, configId: string, cassette?: CassetteRequest): Promise<HealthResult> {
    const dir = await deps.connectorDirOf(projectId);
    const c = await cassetteFor(projectId, dir, HEALTH_OPERATION, cassette);
    return deps.runtime().checkHealth(dir, await deps.configs.resolve(projectId, configId), { timeoutMs: deps.timeoutMs(), ...c });
  }

  async function execute(projectId: string, req: RunActionRequest): Promise<RunResult> {
    const dir = await deps.connectorDirOf(projectId);
    const cassette = await cassetteFor(projectId, dir, req.operation, req.cassette);
    const config = req.configId ? await deps.configs.resolve(projectId, req.configId) : {};
    const emit = (kind: 'log' | 'stdout' | 'stderr', text: string) => deps.events.emit('runtime.output', { runId: req.runId, kind, text });
    const result = await deps.runtime().execute(dir, req.operation, req.params, config, {
      timeoutMs: deps.timeoutMs(),
      onLog: (e) => emit('log', `${e.time} ${e.level} ${e.logger}: ${e.message}`),
      onOutput: (stream, text) => emit(stream, text),
      ...cassette,
    });
    const last = result.configUpdates?.at(-1);
    if (req.configId && last) {
      const cfg = await deps.configs.find(projectId, req.configId);
      await deps.configs.save(projectId, { ...cfg, values: { ...cfg.values, ...last.config } }, secretFieldNames(await readInfo(dir)));
    }
    return result;
  }

  async function stop(projectId: string) {
    await deps.runtime().stop(await deps.connectorDirOf(projectId));
    return {};
  }

  return { listConfigs: deps.configs.list, saveConfig, deleteConfig, setActive, health, execute, stop };
}
