import type { ToolInfo } from '../../shared/models/settings';
import { detectGit, detectPython } from './settings/tool-detect';
import type { SettingsService } from './settings/settings-service';

export function createToolsService(settings: SettingsService) {
  return {
    async detect(): Promise<ToolInfo[]> {
      const s = await settings.get();
      return Promise.all([detectPython(s.pythonPath), detectGit(s.gitPath)]);
    },
  };
}
