import type { StateCreator } from 'zustand';
import type { ConfigSaved, HealthResult, HookResult } from '../../../../shared/models/runtime';
import type { TestConfig } from '../../../../shared/models/test-config';
import type { CassetteMode, CassetteUse } from './cassette';
import type { Values } from './form';
import type { LastRun } from './last-run';
import type { ConnectorInfo } from './operations';
import type { RunRecord } from './runs';

export type { CassetteMode, CassetteUse } from './cassette';
export type { LastRun } from './last-run';

export type TestTab = 'configurations' | 'actions' | 'environment';
export type ResultView = 'json' | 'table';
/** What the Output tab shows: the action run in focus (`shownRunId`), or a configuration's last health check. */
export type OutputShows = { readonly kind: 'run' } | { readonly kind: 'health'; readonly configId: string };

/** The configuration being added or edited; `id` is absent for a new one. */
export interface ConfigDraft {
  readonly id?: string;
  readonly name: string;
  readonly isDefault: boolean;
  readonly raw: Values;
  readonly secretsSet: readonly string[];
}

/** A hook's outcome, shown under the list after a save, delete or toggle. */
export interface HookReport {
  readonly action: string;
  readonly ok: boolean;
  readonly message: string;
  readonly hook?: HookResult;
}

export interface HealthState {
  readonly running: boolean;
  readonly result?: HealthResult;
  readonly error?: string;
  readonly cassette?: CassetteUse;
}

export interface CoreState {
  projectId: string | null;
  tab: TestTab;
  info: ConnectorInfo | null;
  infoError: string | null;
}

export interface ConfigState {
  configs: TestConfig[];
  configsLoaded: boolean;
  /** The configuration health checks and runs use. */
  selectedConfigId: string | null;
  draft: ConfigDraft | null;
  draftErrors: Record<string, string>;
  saving: boolean;
  report: HookReport | null;
  health: Record<string, HealthState>;
}

export interface RunState {
  operation: string | null;
  showHidden: boolean;
  paramsRaw: Values;
  paramErrors: Record<string, string>;
  runs: RunRecord[];
  /** The run shown in the result view: the live one, or one picked from history. */
  shownRunId: string | null;
  runningId: string | null;
  runError: string | null;
  resultView: ResultView;
  cassetteMode: CassetteMode;
  /** Names `tests/cassettes/<operation>-<name>.json`; shared by actions and health checks. */
  cassetteName: string;
  /** The last action run or health check started, for Run Last and Debug Last; null until something ran. */
  lastRun: LastRun | null;
  outputShows: OutputShows;
}

export interface CoreAction {
  open(projectId: string): Promise<void>;
  loadInfo(): Promise<void>;
  setTab(tab: TestTab): void;
}

export interface ConfigAction {
  loadConfigs(): Promise<void>;
  /** After a call: reloads the configurations when the connector saved one (`configSaved`); never throws. */
  configSaved(saved: ConfigSaved | undefined): Promise<void>;
  selectConfig(id: string | null): void;
  newConfig(): void;
  editConfig(id: string): void;
  setDraft(patch: Partial<Omit<ConfigDraft, 'raw'>>): void;
  setDraftValue(name: string, value: unknown): void;
  cancelDraft(): void;
  saveDraft(): Promise<boolean>;
  deleteConfig(id: string): Promise<void>;
  makeDefault(id: string): Promise<void>;
  setActive(id: string, active: boolean): Promise<void>;
  checkHealth(id?: string): Promise<void>;
}

export interface RunAction {
  selectOperation(operation: string | null): void;
  setShowHidden(show: boolean): void;
  setParam(name: string, value: unknown): void;
  run(): Promise<void>;
  /** Runs the last action or health check again with its own inputs, whatever the form shows now (Ctrl+F5); with
   * nothing run yet, runs the form's action. See lastRunProblem for when it cannot. */
  runLast(): Promise<void>;
  /** For runs started elsewhere (the debugger's Debug): makes them what Run Last repeats. */
  setLastRun(last: LastRun): void;
  stop(): Promise<void>;
  showRun(runId: string): void;
  /** Shows a configuration's last health check in the Output tab. */
  showHealth(configId: string): void;
  /** Fills the form from a past run and runs it again. */
  rerun(runId: string): Promise<void>;
  appendOutput(runId: string, kind: 'log' | 'stdout' | 'stderr', text: string): void;
  setResultView(view: ResultView): void;
  setCassette(patch: { mode?: CassetteMode; name?: string }): void;
}

export type TestingStore = CoreState & ConfigState & RunState & CoreAction & ConfigAction & RunAction;
export type Slice<T> = StateCreator<TestingStore, [['zustand/devtools', never]], [], T>;
