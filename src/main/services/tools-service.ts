import type { ToolInfo } from '../../shared/models/settings';
import { detectGit, detectPython } from './settings/tool-detect';
import type { SettingsService } from './settings/settings-service';

export interface ToolsService {
  /** The configured Python and git (Settings' paths), found or not, with their versions. */
  detect(): Promise<ToolInfo[]>;
}

export function createToolsService(settings: SettingsService): ToolsService {
  return {
    async detect(): Promise<ToolInfo[]> {
      const s = await settings.get();
      return Promise.all([detectPython(s.pythonPath), detectGit(s.gitPath)]);
    },
  };
}
