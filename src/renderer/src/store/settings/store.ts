import type { Settings, ToolInfo } from '../../../../shared/models/settings';
import { call } from '../../api/client';
import { createStore } from '../create-store';

export type SettingsPatch = Partial<Omit<Settings, 'extraProjects'>>;

interface SettingsState {
  settings: Settings | null;
  tools: ToolInfo[] | null;
  detecting: boolean;
}

interface SettingsAction {
  load(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
  detectTools(): Promise<void>;
}

export const useSettingsStore = createStore<SettingsState & SettingsAction>('settings', (set) => ({
  settings: null,
  tools: null,
  detecting: false,
  load: async () => {
    const settings = await call('settings.get', {});
    set({ settings }, false, 'load');
    return settings;
  },
  update: async (patch) => {
    const settings = await call('settings.update', { patch });
    set({ settings }, false, 'update');
    return settings;
  },
  detectTools: async () => {
    set({ detecting: true }, false, 'detectTools/start');
    try {
      set({ tools: await call('tools.detect', {}) }, false, 'detectTools/done');
    } finally {
      set({ detecting: false }, false, 'detectTools/end');
    }
  },
}));

export const settingsSelectors = {
  theme: (s: SettingsState) => s.settings?.theme ?? 'dark',
  fontSize: (s: SettingsState) => s.settings?.editorFontSize ?? 14,
};
