/** Runtime channels: test configurations, health checks and runs (with cassettes), and the Python environment. */
import type { InterpreterInfo, PlatformRequirement, RuntimeEnvironment } from '../../models/environment';
import type { CassetteRequest, HealthResult, HookResult, RunResult } from '../../models/runtime';
import type { TestConfig, TestConfigInput } from '../../models/test-config';
import type { Empty, InProject, JobStarted } from './common';

export interface RuntimeChannels {
  'testConfig.list': { req: InProject; res: TestConfig[] };
  'testConfig.save': { req: InProject & { config: TestConfigInput }; res: { config: TestConfig; hook: HookResult } };
  'testConfig.delete': { req: InProject & { id: string }; res: { hook: HookResult } };
  'testConfig.setActive': { req: InProject & { id: string; active: boolean }; res: { config: TestConfig; hook: HookResult } };
  /** `cassette` records the call's HTTP to, or replays it from, `<project root>/tests/cassettes/<operation>-<name>.json` (health: `check_health-<name>.json`). */
  'runtime.health': { req: InProject & { configId: string; cassette?: CassetteRequest }; res: HealthResult };
  /** Logs and output stream as `runtime.output` events tagged with the caller's runId while it runs. */
  'runtime.execute': {
    req: InProject & { runId: string; operation: string; params: Record<string, unknown>; configId?: string; cassette?: CassetteRequest };
    res: RunResult;
  };
  'runtime.stop': { req: InProject; res: Empty };
  /** The connector's interpreter, virtualenv (in the user data folder) and installed packages. */
  'runtime.environment': { req: InProject; res: RuntimeEnvironment };
  /** Working python3 / python3.x interpreters on PATH. */
  'runtime.interpreters': { req: Empty; res: InterpreterInfo[] };
  /** The connector's own interpreter ('' = Settings); restarts its worker and removes a venv made by another one. */
  'runtime.setInterpreter': { req: InProject & { interpreter: string }; res: RuntimeEnvironment };
  /** Remakes the venv and installs requirements.txt (+ packages/, + `extras`) as a job: answers at once (CONFLICT
   * while the connector's install runs), then `runtime.installProgress` events and one `runtime.installDone`
   * tagged with the caller's runId. */
  'runtime.installDependencies': { req: InProject & { runId: string; extras?: PlatformRequirement[] }; res: JobStarted };
  /** Makes (or remakes) the platform default (FortiSOAR's pre-installed libraries) for the connector's interpreter,
   * as a job like installDependencies: `runtime.installProgress`, then one `runtime.installDone` whose environment
   * is the connector's afterwards. CONFLICT while it is being made. */
  'runtime.createPlatformEnvironment': { req: InProject & { runId: string }; res: JobStarted };
  'runtime.removeEnvironment': { req: InProject; res: RuntimeEnvironment };
}
