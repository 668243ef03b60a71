import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { collect } from './form';
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
};

export const createRunSlice: Slice<RunAction> = (set, get) => {
  const selected = () => get().info?.operations.find((o) => o.operation === get().operation) ?? null;

  return {
    selectOperation: (operation) => set({ operation, paramsRaw: {}, paramErrors: {}, runError: null }, false, 'selectOperation'),
    setShowHidden: (showHidden) => set({ showHidden }, false, 'setShowHidden'),
    setParam: (name, value) => {
      const { [name]: _gone, ...rest } = get().paramErrors;
      set({ paramsRaw: { ...get().paramsRaw, [name]: value }, paramErrors: rest }, false, 'setParam');
    },
    run: async () => {
      const op = selected();
      const projectId = get().projectId;
      if (!op || !projectId || get().runningId) return;
      const { values, errors } = collect(op.parameters, get().paramsRaw);
      const configId = get().selectedConfigId ?? undefined;
      const { cassette, error: cassetteError } = cassetteRequest(get().cassetteMode, get().cassetteName);
      const runError = op.configRequired && !configId ? 'This action needs a configuration: add one on the Configurations tab.' : cassetteError ?? null;
      set({ paramErrors: errors, runError }, false, 'run/check');
      if (Object.keys(errors).length || runError) return;
      const config = get().configs.find((c) => c.id === configId);
      const run: RunRecord = {
        runId: newRunId(), operation: op.operation, title: op.title, params: values, raw: get().paramsRaw,
        configId, configName: config?.name, startedAt: Date.now(), status: 'running', output: [], ...(cassette ? { cassette } : {}),
      };
      set({ runs: pushRun(get().runs, run), shownRunId: run.runId, runningId: run.runId }, false, 'run/start');
      try {
        const result = await call('runtime.execute', { projectId, runId: run.runId, operation: op.operation, params: values, configId, ...(cassette ? { cassette } : {}) });
        await get().configSaved(result.configSaved);
        set({ runs: updateRun(get().runs, run.runId, () => ({ status: result.status, result })) }, false, 'run/done');
      } catch (e) {
        set({ runs: updateRun(get().runs, run.runId, () => ({ status: 'error', error: messageOf(e) })) }, false, 'run/failed');
      } finally {
        set({ runningId: null }, false, 'run/end');
      }
    },
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
    showRun: (shownRunId) => set({ shownRunId }, false, 'showRun'),
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
