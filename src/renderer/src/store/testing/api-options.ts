/** Select parameters with `"apiOperation": "<hidden operation>"` get their options by running that operation in the
 * simulated runtime with the selected configuration, as FortiSOAR fills them when the playbook designer opens the
 * form. Results are kept per project, configuration and operation until Refresh. */
import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { createStore } from '../create-store';
import { newRunId } from './runs';
import { useTestingStore } from './store';

export interface ApiOption {
  readonly value: string;
  readonly label: string;
}

export interface ApiOptionsEntry {
  readonly loading: boolean;
  readonly options: readonly ApiOption[];
  readonly error?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const VALUE_KEYS = ['value', 'id', 'name', 'key'];
const LABEL_KEYS = ['label', 'title', 'name', 'text', 'display_name', 'value'];
const LIST_KEYS = ['options', 'data', 'results', 'items', 'values', 'result'];

const first = (o: Record<string, unknown>, keys: readonly string[]) => {
  const k = keys.find((x) => scalar(o[x]));
  return k === undefined ? undefined : String(o[k]);
};

/** The list inside what a hidden operation returned: the list itself, or the list under a usual key. */
function listOf(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) return null;
  const key = LIST_KEYS.find((k) => Array.isArray(data[k]));
  return key ? (data[key] as unknown[]) : null;
}

/**
 * Options from a hidden operation's data: a list of strings or numbers; a list of objects (value from
 * value/id/name/key, label from label/title/name/text); either wrapped as {options|data|results|items: [...]};
 * or an object mapping values to labels. Duplicates keep their first label; entries with no value are skipped.
 */
export function optionsFromOutput(data: unknown): { options: ApiOption[]; skipped: number } | { error: string } {
  const list = listOf(data);
  const entries: Array<ApiOption | null> = list
    ? list.map((e) => {
        if (scalar(e)) return { value: String(e), label: String(e) };
        if (!isObject(e)) return null;
        const value = first(e, VALUE_KEYS);
        return value === undefined ? null : { value, label: first(e, LABEL_KEYS) ?? value };
      })
    : isObject(data)
      ? Object.entries(data).map(([value, label]) => ({ value, label: scalar(label) ? String(label) : value }))
      : [];
  if (!list && !isObject(data)) return { error: `it returned ${data === null ? 'null' : typeof data}, not a list of options` };
  const seen = new Set<string>();
  const options: ApiOption[] = [];
  for (const o of entries) {
    if (!o || seen.has(o.value)) continue;
    seen.add(o.value);
    options.push(o);
  }
  return { options, skipped: entries.filter((o) => !o).length };
}

export const optionsKey = (projectId: string, configId: string | null, operation: string) => `${projectId}\n${configId ?? ''}\n${operation}`;

interface ApiOptionsState {
  entries: Record<string, ApiOptionsEntry>;
  /** Runs the hidden operation for the current project and selected configuration (again when `refresh`). */
  load(operation: string, refresh?: boolean): Promise<void>;
}

export const useApiOptionsStore = createStore<ApiOptionsState>('apiOptions', (set, get) => {
  const put = (key: string, entry: ApiOptionsEntry, action: string) => set({ entries: { ...get().entries, [key]: entry } }, false, action);
  return {
    entries: {},
    load: async (operation, refresh = false) => {
      const { projectId, selectedConfigId: configId, info } = useTestingStore.getState();
      if (!projectId) return;
      const key = optionsKey(projectId, configId, operation);
      const had = get().entries[key];
      if (had?.loading || (had && !refresh)) return;
      const fail = (error: string) => put(key, { loading: false, options: had?.options ?? [], error: `Options from "${operation}" failed: ${error}` }, 'load/failed');
      const op = info?.operations.find((o) => o.operation === operation);
      if (!op) return fail('there is no such operation in info.json (declare it with "visible": false).');
      if (op.configRequired && !configId) return fail('it needs a configuration: pick one above.');
      put(key, { loading: true, options: had?.options ?? [] }, 'load/start');
      try {
        const r = await call('runtime.execute', { projectId, runId: newRunId(), operation, params: {}, ...(configId ? { configId } : {}) });
        if (r.status !== 'Success') return fail(r.message || 'the operation failed.');
        const mapped = optionsFromOutput(r.data);
        if ('error' in mapped) return fail(`${mapped.error}.`);
        put(key, { loading: false, options: mapped.options }, 'load/done');
      } catch (e) {
        fail(messageOf(e));
      }
    },
  };
});
