/** Runs of Test Actions in this session: live output while they run, the result after, newest first. */
import { CASSETTE_NAME } from '../../../../shared/models/cassette';
import type { RunResult } from '../../../../shared/models/runtime';
import type { Values } from './form';
import type { CassetteMode, CassetteUse } from './cassette';

export type OutputKind = 'log' | 'stdout' | 'stderr';

export interface OutputLine {
  readonly kind: OutputKind;
  readonly text: string;
}

export type RunStatus = 'running' | 'Success' | 'Failed' | 'error';

export interface RunRecord {
  readonly runId: string;
  readonly operation: string;
  readonly title: string;
  readonly params: Values;
  /** The raw form values, so a re-run fills the form as it was. */
  readonly raw: Values;
  readonly configId?: string;
  readonly configName?: string;
  readonly startedAt: number;
  readonly status: RunStatus;
  readonly output: readonly OutputLine[];
  readonly result?: RunResult;
  /** The request itself failed (not the action): the service's message. */
  readonly error?: string;
  readonly stopped?: boolean;
  /** Recorded to or replayed from this cassette. */
  readonly cassette?: CassetteUse;
}

export const MAX_RUNS = 30;
/** Enough for any sane action; a runaway print loop must not grow the page without bound. */
export const MAX_OUTPUT_LINES = 2000;

let counter = 0;
export const newRunId = () => `run-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const pushRun = (runs: readonly RunRecord[], run: RunRecord): RunRecord[] => [run, ...runs].slice(0, MAX_RUNS);

export function updateRun(runs: readonly RunRecord[], runId: string, patch: (r: RunRecord) => Partial<RunRecord>): RunRecord[] {
  return runs.map((r) => (r.runId === runId ? { ...r, ...patch(r) } : r));
}

export function appendOutput(lines: readonly OutputLine[], line: OutputLine, max = MAX_OUTPUT_LINES): OutputLine[] {
  const next = [...lines, line];
  return next.length > max ? next.slice(next.length - max) : next;
}

export const formatDuration = (ms: number | undefined) => (ms === undefined ? '' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** The cassette to ask for, or nothing when off; a name the service would refuse is an error to show. */
export function cassetteRequest(mode: CassetteMode, name: string): { cassette?: CassetteUse; error?: string } {
  if (mode === 'off') return {};
  const n = name.trim();
  if (!CASSETTE_NAME.test(n)) return { error: 'A cassette name has only letters, digits, ".", "-" and "_".' };
  return { cassette: { mode, name: n } };
}

export const cassetteLabel = (c: CassetteUse | undefined) => (c ? `${c.mode === 'record' ? 'recorded' : 'replayed'} · ${c.name}` : '');
