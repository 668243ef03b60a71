import type { HookResult } from '../../../../shared/models/runtime';
import type { TestConfig } from '../../../../shared/models/test-config';
import { isApiError, messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { collect, rawFromSaved } from './form';
import { cassetteRequest } from './runs';
import type { ConfigAction, ConfigState, HookReport, Slice, TestingStore } from './types';

export const CONFIG_INITIAL: ConfigState = {
  configs: [],
  configsLoaded: false,
  selectedConfigId: null,
  draft: null,
  draftErrors: {},
  saving: false,
  report: null,
  health: {},
};

/** The configuration health checks and runs use when the user has not picked one: the default, else the first. */
export function preferredConfig(configs: readonly TestConfig[], current: string | null): string | null {
  if (current && configs.some((c) => c.id === current)) return current;
  return (configs.find((c) => c.isDefault) ?? configs[0])?.id ?? null;
}

/** A refused hook carries its result (and logs) in the error's details. */
export function reportOf(action: string, e: unknown): HookReport {
  const hook = isApiError(e) ? (e.details as { hook?: HookResult } | undefined)?.hook : undefined;
  return { action, ok: false, message: messageOf(e), hook };
}

const DONE: Record<string, string> = { Add: 'Added', Update: 'Updated', Delete: 'Deleted', 'Set default': 'Made default', Activate: 'Activated', Deactivate: 'Deactivated' };

/** "Added 'local'." then what the connector's hook said: the hook's name is shown once, never as the message too. */
const okReport = (action: string, hook: HookResult, name?: string): HookReport => ({
  action: `${DONE[action] ?? action}${name ? ` '${name}'` : ''}.`,
  ok: true,
  message: hook.message ? `${hook.hook} said: ${hook.message}` : `The connector's ${hook.hook} hook ran and said nothing.`,
  hook,
});

export const createConfigSlice: Slice<ConfigAction> = (set, get) => {
  const pid = () => {
    const id = get().projectId;
    if (!id) throw new Error('No project is open in the Test view.');
    return id;
  };
  const replace = (config: TestConfig) => {
    const others = get().configs.filter((c) => c.id !== config.id).map((c) => (config.isDefault ? { ...c, isDefault: false } : c));
    return [...others, config].sort((a, b) => a.name.localeCompare(b.name));
  };
  const guarded = async (action: string, work: () => Promise<HookReport>) => {
    try {
      set({ report: await work() }, false, `${action}/done`);
    } catch (e) {
      set({ report: reportOf(action, e) }, false, `${action}/failed`);
    }
  };

  return {
    loadConfigs: async () => {
      const configs = await call('testConfig.list', { projectId: pid() });
      set({ configs, configsLoaded: true, selectedConfigId: preferredConfig(configs, get().selectedConfigId), draft: refreshedDraft(get(), configs) }, false, 'loadConfigs');
    },
    configSaved: async (saved) => {
      // The connector changed a saved configuration (a refreshed token): the list and an open form show it now. The
      // call itself succeeded, so a failed reload is reported on its own.
      if (!saved) return;
      try {
        await get().loadConfigs();
      } catch (e) {
        set({ report: { action: 'Reload configurations', ok: false, message: messageOf(e) } }, false, 'configSaved/failed');
      }
    },
    selectConfig: (selectedConfigId) => set({ selectedConfigId }, false, 'selectConfig'),
    newConfig: () => {
      const taken = new Set(get().configs.map((c) => c.name));
      let n = get().configs.length + 1;
      while (taken.has(`Config ${n}`)) n++;
      set({ draft: { name: `Config ${n}`, isDefault: taken.size === 0, raw: {}, secretsSet: [] }, draftErrors: {}, report: null }, false, 'newConfig');
    },
    editConfig: (id) => {
      const c = get().configs.find((x) => x.id === id);
      if (!c) return;
      const raw = rawFromSaved(get().info?.configFields ?? [], c.values);
      set({ draft: { id, name: c.name, isDefault: c.isDefault, raw, secretsSet: c.secretsSet }, draftErrors: {}, report: null }, false, 'editConfig');
    },
    setDraft: (patch) => {
      const d = get().draft;
      if (d) set({ draft: { ...d, ...patch } }, false, 'setDraft');
    },
    setDraftValue: (name, value) => {
      const d = get().draft;
      if (!d) return;
      const { [name]: _gone, ...rest } = get().draftErrors;
      set({ draft: { ...d, raw: { ...d.raw, [name]: value } }, draftErrors: rest }, false, 'setDraftValue');
    },
    cancelDraft: () => set({ draft: null, draftErrors: {} }, false, 'cancelDraft'),
    saveDraft: () => saveDraft(get, set, pid, replace),
    deleteConfig: (id) =>
      guarded('Delete', async () => {
        const { hook } = await call('testConfig.delete', { projectId: pid(), id });
        const configs = get().configs.filter((c) => c.id !== id);
        set({ configs, selectedConfigId: preferredConfig(configs, get().selectedConfigId === id ? null : get().selectedConfigId) }, false, 'deleteConfig');
        return okReport('Delete', hook);
      }),
    makeDefault: (id) =>
      guarded('Set default', async () => {
        const c = get().configs.find((x) => x.id === id)!;
        const { config, hook } = await call('testConfig.save', { projectId: pid(), config: { id, name: c.name, isDefault: true, active: c.active, values: c.values } });
        set({ configs: replace(config) }, false, 'makeDefault');
        return okReport('Set default', hook);
      }),
    setActive: (id, active) =>
      guarded(active ? 'Activate' : 'Deactivate', async () => {
        const { config, hook } = await call('testConfig.setActive', { projectId: pid(), id, active });
        set({ configs: replace(config) }, false, 'setActive');
        return okReport(active ? 'Activate' : 'Deactivate', hook);
      }),
    checkHealth: async (id = get().selectedConfigId ?? undefined) => {
      if (!id) return;
      const put = (h: TestingStore['health'][string]) => set({ health: { ...get().health, [id]: h } }, false, 'health');
      const { cassette, error } = cassetteRequest(get().cassetteMode, get().cassetteName);
      if (error) return put({ running: false, error, result: get().health[id]?.result });
      put({ running: true, result: get().health[id]?.result, cassette });
      set({ outputShows: { kind: 'health', configId: id }, lastRun: { kind: 'health', configId: id } }, false, 'health/start');
      try {
        const result = await call('runtime.health', { projectId: pid(), configId: id, ...(cassette ? { cassette } : {}) });
        await get().configSaved(result.configSaved);
        put({ running: false, result, cassette });
      } catch (e) {
        put({ running: false, error: messageOf(e) });
      }
    },
  };
};

type Get = () => TestingStore;

/** An open form on a configuration the connector just updated takes the new values of the fields it changed, so a
 * later Save does not put the old ones back; secrets stay names (`secretsSet`). */
function refreshedDraft(state: TestingStore, configs: readonly TestConfig[]): TestingStore['draft'] {
  const d = state.draft;
  const now = d?.id ? configs.find((c) => c.id === d.id) : undefined;
  const before = d?.id ? state.configs.find((c) => c.id === d.id) : undefined;
  if (!d || !now || !before) return d;
  const fields = state.info?.configFields ?? [];
  const fresh = rawFromSaved(fields, now.values);
  const old = rawFromSaved(fields, before.values);
  const raw = { ...d.raw };
  for (const k of Object.keys(fresh)) if (JSON.stringify(fresh[k]) !== JSON.stringify(old[k])) raw[k] = fresh[k];
  return { ...d, raw, secretsSet: now.secretsSet };
}
type Set = Parameters<Slice<ConfigAction>>[0];

/** Validates the form, saves, and shows the add/update hook's outcome; a refusing hook keeps the form open. */
async function saveDraft(get: Get, set: Set, pid: () => string, replace: (c: TestConfig) => TestConfig[]): Promise<boolean> {
  const d = get().draft;
  if (!d) return false;
  const { values, errors } = collect(get().info?.configFields ?? [], d.raw, { secretsSet: d.secretsSet });
  if (!d.name.trim()) errors['#name'] = 'A configuration needs a name.';
  else if (get().configs.some((c) => c.name === d.name.trim() && c.id !== d.id)) errors['#name'] = `'${d.name.trim()}' is already used.`;
  if (Object.keys(errors).length) {
    set({ draftErrors: errors }, false, 'saveDraft/invalid');
    return false;
  }
  const action = d.id ? 'Update' : 'Add';
  set({ saving: true, report: null }, false, 'saveDraft/start');
  try {
    const existing = get().configs.find((c) => c.id === d.id);
    const input = { id: d.id, name: d.name.trim(), isDefault: d.isDefault, active: existing?.active ?? true, values };
    const { config, hook } = await call('testConfig.save', { projectId: pid(), config: input });
    set({ configs: replace(config), draft: null, selectedConfigId: d.id ? get().selectedConfigId : config.id, report: okReport(action, hook, config.name) }, false, 'saveDraft/done');
    return true;
  } catch (e) {
    set({ report: reportOf(action, e) }, false, 'saveDraft/failed');
    return false;
  } finally {
    set({ saving: false }, false, 'saveDraft/end');
  }
}
