/** What a Debug button starts, read from the Test view's state: the action with the form's values and the picked
 * configuration, a configuration's health check, or the last run again (Debug Last). The same checks as Run, so
 * a debug session never starts with inputs Run would refuse. */
import type { DebugTarget } from '../../../../shared/models/debug';
import type { TestConfig } from '../../../../shared/models/test-config';
import { collect, type Values } from '../testing/form';
import { describeLastRun, lastRunProblem, type LastRun } from '../testing/last-run';
import type { ConnectorInfo } from '../testing/operations';

export interface DebugLaunch {
  readonly target: DebugTarget;
  /** "Get IP Reputation", "Check Health of local". */
  readonly title: string;
  /** The form's values as typed, so the run in the Output tab re-runs as it was. */
  readonly raw?: Values;
  /** What Run Last and Debug Last repeat after this one; a test's debug session (Tests view) leaves Run Last as it was. */
  readonly lastRun?: LastRun;
}

export type LaunchCheck =
  | { readonly ok: true; readonly launch: DebugLaunch }
  | { readonly ok: false; readonly paramErrors: Record<string, string>; readonly runError: string | null };

export interface ActionForm {
  readonly info: ConnectorInfo | null;
  readonly operation: string | null;
  readonly paramsRaw: Values;
  readonly selectedConfigId: string | null;
}

/** The form's action, as Run would start it: its parameters checked, and a configuration when it needs one. */
export function actionLaunch(form: ActionForm, raw: Values = form.paramsRaw, configId: string | undefined = form.selectedConfigId ?? undefined): LaunchCheck {
  const op = form.info?.operations.find((o) => o.operation === form.operation);
  if (!op) return { ok: false, paramErrors: {}, runError: 'Pick an action to debug.' };
  const { values, errors } = collect(op.parameters, raw);
  const runError = op.configRequired && !configId ? 'This action needs a configuration: add one on the Configurations tab.' : null;
  if (Object.keys(errors).length || runError) return { ok: false, paramErrors: errors, runError };
  return {
    ok: true,
    launch: {
      target: { kind: 'execute', operation: op.operation, params: values, ...(configId ? { configId } : {}) },
      title: op.title,
      raw,
      lastRun: { kind: 'action', operation: op.operation, title: op.title, raw, params: values, ...(configId ? { configId } : {}) },
    },
  };
}

export function healthLaunch(configId: string, configs: readonly TestConfig[]): DebugLaunch {
  const lastRun: LastRun = { kind: 'health', configId };
  return { target: { kind: 'health', configId }, title: describeLastRun(lastRun, configs), lastRun };
}

/** The last run again, checked against info.json as it is now (its action or configuration may be gone). */
export function lastRunLaunch(last: LastRun | null, info: ConnectorInfo | null, configs: readonly TestConfig[]): LaunchCheck {
  const problem = lastRunProblem(last, info, configs);
  if (problem || !last) return { ok: false, paramErrors: {}, runError: problem };
  if (last.kind === 'health') return { ok: true, launch: healthLaunch(last.configId, configs) };
  const checked = actionLaunch({ info, operation: last.operation, paramsRaw: last.raw, selectedConfigId: last.configId ?? null }, last.raw, last.configId);
  if (checked.ok) return checked;
  const why = [checked.runError, ...Object.values(checked.paramErrors)].filter(Boolean).join(' ');
  return { ok: false, paramErrors: {}, runError: `The last run's inputs no longer fit ${last.title}: ${why}` };
}

/** "Debug test" in the Tests view: the test's recorded call, replayed from its cassette under the debugger. */
export function testLaunch(testId: string): DebugLaunch {
  return { target: { kind: 'test', testId }, title: `Test ${testId.split('::').pop() ?? testId}` };
}
