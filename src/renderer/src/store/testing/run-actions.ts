import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { collect, type Values } from './form';
import { lastRunProblem, type LastRun } from './last-run';
import { appendOutput, cassetteRequest, newRunId, pushRun, updateRun, type RunRecord } from './runs';
import type { RunAction, RunState, Slice } from './types';

export const RUN_INITIAL: RunState = {
  operation: null,
  showHidden: false,
  paramsRaw: {},
  paramErrors: {},
  runs: [],
  shownRunId: null,
  runningId: null,
  runError: null,
  resultView: 'json',
  cassetteMode: 'off',
  cassetteName: 'default',
  lastRun: null,
  outputShows: { kind: 'run' },
};

/** One run's inputs: Run takes them from the form, Run Last from the last run. */
interface RunInput {
  readonly operation: string;
  readonly raw: Values;
  readonly configId?: string;
}

export const createRunSlice: Slice<RunAction> = (set, get) => {
  /** Checks the inputs against info.json as it is now and starts the run. `fromForm` puts each field's error beside
   * it; Run Last's inputs are not in the form, so their errors are one message. */
  const launch = async (input: RunInput, fromForm: boolean) => {
    const op = get().info?.operations.find((o) => o.operation === input.operation);
    const projectId = get().projectId;
    if (!op || !projectId || get().runningId) return;
    const { values, errors } = collect(op.parameters, input.raw);
    const { cassette, error: cassetteError } = cassetteRequest(get().cassetteMode, get().cassetteName);
    const invalid = Object.keys(errors).length > 0;
    const runError = op.configRequired && !input.configId ? 'This action needs a configuration: add one on the Configurations tab.'
      : cassetteError ?? (invalid && !fromForm ? `The last run's parameters no longer fit ${op.title}: ${Object.values(errors).join(' ')}` : null);
    set(fromForm ? { paramErrors: errors, runError } : { runError }, false, 'run/check');
    if (invalid || runError) return;
    const config = get().configs.find((c) => c.id === input.configId);
    const run: RunRecord = {
      runId: newRunId(), operation: op.operation, title: op.title, params: values, raw: input.raw,
      configId: input.configId, configName: config?.name, startedAt: Date.now(), status: 'running', output: [], ...(cassette ? { cassette } : {}),
    };
    const lastRun: LastRun = { kind: 'action', operation: op.operation, title: op.title, raw: input.raw, params: values, configId: input.configId };
    set({ runs: pushRun(get().runs, run), shownRunId: run.runId, runningId: run.runId, outputShows: { kind: 'run' }, lastRun }, false, 'run/start');
    try {
      const result = await call('runtime.execute', { projectId, runId: run.runId, operation: op.operation, params: values, configId: input.configId, ...(cassette ? { cassette } : {}) });
      await get().configSaved(result.configSaved);
      set({ runs: updateRun(get().runs, run.runId, () => ({ status: result.status, result })) }, false, 'run/done');
    } catch (e) {
      set({ runs: updateRun(get().runs, run.runId, () => ({ status: 'error', error: messageOf(e) })) }, false, 'run/failed');
    } finally {
      set({ runningId: null }, false, 'run/end');
    }
  };

  return {
    selectOperation: (operation) => set({ operation, paramsRaw: {}, paramErrors: {}, runError: null }, false, 'selectOperation'),
    setShowHidden: (showHidden) => set({ showHidden }, false, 'setShowHidden'),
    setParam: (name, value) => {
      const { [name]: _gone, ...rest } = get().paramErrors;
      set({ paramsRaw: { ...get().paramsRaw, [name]: value }, paramErrors: rest }, false, 'setParam');
    },
    run: async () => {
      const operation = get().operation;
      if (operation) await launch({ operation, raw: get().paramsRaw, configId: get().selectedConfigId ?? undefined }, true);
    },
    runLast: async () => {
      const last = get().lastRun;
      if (get().runningId) return;
      if (!last) return get().run();
      const problem = lastRunProblem(last, get().info, get().configs);
      if (problem) return set({ runError: problem }, false, 'runLast/refused');
      if (last.kind === 'action') await launch(last, false);
      else if (!get().health[last.configId]?.running) await get().checkHealth(last.configId);
    },
    setLastRun: (lastRun) => set({ lastRun }, false, 'setLastRun'),
    stop: async () => {
      const { runningId, projectId } = get();
      if (!runningId || !projectId) return;
      set({ runs: updateRun(get().runs, runningId, () => ({ stopped: true })) }, false, 'stop');
      try {
        await call('runtime.stop', { projectId });
      } catch (e) {
        set({ runError: messageOf(e) }, false, 'stop/failed');
      }
    },
    showRun: (shownRunId) => set({ shownRunId, outputShows: { kind: 'run' } }, false, 'showRun'),
    showHealth: (configId) => set({ outputShows: { kind: 'health', configId } }, false, 'showHealth'),
    rerun: async (runId) => {
      const r = get().runs.find((x) => x.runId === runId);
      if (!r || get().runningId) return;
      const configStill = r.configId && get().configs.some((c) => c.id === r.configId);
      set({ operation: r.operation, paramsRaw: r.raw, paramErrors: {}, selectedConfigId: configStill ? r.configId! : get().selectedConfigId }, false, 'rerun');
      await get().run();
    },
    setResultView: (resultView) => set({ resultView }, false, 'setResultView'),
    setCassette: ({ mode, name }) =>
      set({ cassetteMode: mode ?? get().cassetteMode, cassetteName: name ?? get().cassetteName, runError: null }, false, 'setCassette'),
    appendOutput: (runId, kind, text) => {
      if (!get().runs.some((r) => r.runId === runId)) return;
      set({ runs: updateRun(get().runs, runId, (r) => ({ output: appendOutput(r.output, { kind, text }) })) }, false, 'appendOutput');
    },
  };
};
