/** The last run of Test Actions or Check Health, kept so Run Last (Ctrl+F5) and the debugger's Debug Last start it
 * again with the same inputs in one keystroke, whatever the form shows by then. */
import type { TestConfig } from '../../../../shared/models/test-config';
import type { Values } from './form';
import type { ConnectorInfo } from './operations';

export type LastRun =
  | {
      readonly kind: 'action';
      readonly operation: string;
      readonly title: string;
      /** The form's values as typed: checked again against info.json before the next run. */
      readonly raw: Values;
      /** What the connector received, after the form's conversions. */
      readonly params: Values;
      readonly configId?: string;
    }
  | { readonly kind: 'health'; readonly configId: string };

/** Why the last run cannot start again as it was (its action or configuration is gone), or null when it can. */
export function lastRunProblem(last: LastRun | null, info: ConnectorInfo | null, configs: readonly TestConfig[]): string | null {
  if (!last) return 'Nothing has run yet: run an action from Test Actions or check a configuration’s health first.';
  if (last.configId && !configs.some((c) => c.id === last.configId))
    return 'The configuration the last run used was deleted: run it again from Test Actions with another one.';
  if (last.kind === 'action' && !info?.operations.some((o) => o.operation === last.operation))
    return `“${last.title}” (${last.operation}) is no longer in info.json: pick an action in Test Actions.`;
  return null;
}

/** "Get IP Reputation with local", "Check Health of local": the palette's and the buttons' description. */
export function describeLastRun(last: LastRun, configs: readonly TestConfig[]): string {
  const config = configs.find((c) => c.id === last.configId)?.name;
  if (last.kind === 'health') return `Check Health of ${config ?? 'a deleted configuration'}`;
  return config ? `${last.title} with ${config}` : last.title;
}
