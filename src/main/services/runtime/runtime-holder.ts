import path from 'node:path';
import type { Settings } from '../../../shared/models/settings';
import { withRunRecords } from '../connector-tests/run-record';
import { withFailureHints, type FailureHint } from './failure-hints';
import { createRuntimeService, type PlatformResolver, type PythonResolver } from './runtime-service';
import type { RuntimeService } from './types';

export interface RuntimeHolderDeps {
  readonly userDataDir: string;
  readonly resourcesDir: string;
  readonly settings: () => Promise<Pick<Settings, 'runtimeTimeoutSec' | 'workerMemoryLimitMb'>>;
  /** The interpreter workers run on when the connector has no environment of its own. */
  readonly pythonCommand: () => Promise<string[]>;
  /** The connector's own interpreter (its virtualenv or chosen Python), before pythonCommand. */
  readonly resolvePython?: PythonResolver;
  /** The simulated platform each connector's worker reaches (RuntimeServiceOptions' platform). */
  readonly platform?: PlatformResolver;
  /** Where the workers' problems nobody awaits are reported (RuntimeServiceOptions.warn). */
  readonly warn?: (message: string) => void;
  /** More of every worker's environment (where the tools environment is: python-environments.ts). */
  readonly env?: Record<string, string>;
  /** How to fix a failed call, added to its message (failure-hints.ts). */
  readonly failureHint?: FailureHint;
}

/** One runtime for the configured interpreter and memory limit; a change of either stops the old workers and
 * starts afresh. */
export interface RuntimeHolder {
  /** The runtime of the current settings; throws until the first refresh() has made one. */
  current(): RuntimeService;
  /** Settings' per-call timeout, as of the last refresh(). */
  timeoutMs(): number;
  /** Rereads the settings; a changed interpreter or memory limit stops the old workers and makes a new runtime. */
  refresh(): Promise<void>;
  /** Stops every worker (the end of a CLI command, the app quitting). */
  stopAll(): Promise<void>;
}

export function createRuntimeHolder(deps: RuntimeHolderDeps): RuntimeHolder {
  let key = '';
  let timeoutSec = 60;
  let runtime: RuntimeService | null = null;
  return {
    current: (): RuntimeService => {
      if (!runtime) throw new Error('The runtime was asked for before its settings were read: await refresh() first.');
      return runtime;
    },
    timeoutMs: () => timeoutSec * 1000,
    async refresh() {
      const s = await deps.settings();
      timeoutSec = s.runtimeTimeoutSec;
      const command = await deps.pythonCommand();
      const next = `${command.join(' ')}\0${s.workerMemoryLimitMb}`;
      if (runtime && next === key) return;
      await runtime?.stopAll();
      key = next;
      // A recording also writes its run record (connector-tests/run-record.ts), whichever door asked for it.
      const made = withRunRecords(createRuntimeService({
        pythonCommand: command,
        timeoutMs: timeoutSec * 1000,
        memoryLimitMb: s.workerMemoryLimitMb,
        dataDir: path.join(deps.userDataDir, 'runtime'),
        runnerPath: path.join(deps.resourcesDir, 'python', 'runner.py'),
        resolvePython: deps.resolvePython,
        platform: deps.platform,
        warn: deps.warn,
        ...(deps.env ? { env: deps.env } : {}),
      }), deps.warn ?? console.warn);
      runtime = deps.failureHint ? withFailureHints(made, deps.failureHint, deps.warn ?? console.warn) : made;
    },
    stopAll: async () => {
      await runtime?.stopAll();
    },
  };
}
