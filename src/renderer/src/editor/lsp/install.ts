/** Python intelligence in the editor from the project's pyright server (services/lsp): completion, hover, go to
 * definition, signature help and diagnostics as markers. One call from monaco-setup.ts installs it. */
import { call } from '../../api/client';
import { reportInBackground, useAppStore } from '../../store/app/store';
import type { MonacoApi } from '../monaco-api';
import { startDocSync } from './doc-sync';
import { suggestAfterImport } from './import-suggest';
import { startPyrightMarkers } from './markers';
import { registerPythonProviders } from './providers';
import { listenForPyright } from './pyright-store';
import { registerDefinitionOpener } from './stub-tabs';

let installed = false;

/** Stops the project's server when the window leaves the project. It starts on first use (the first Python
 * file the window opens), so views without Python never pay for it. */
function followProject(): void {
  useAppStore.subscribe((s, prev) => {
    if (prev.projectId && s.projectId !== prev.projectId) void call('lsp.stop', { projectId: prev.projectId }).catch(reportInBackground('Stopping the Python language server'));
  });
}

export function installPythonLsp(m: MonacoApi): void {
  if (installed) return;
  installed = true;
  listenForPyright();
  followProject();
  const sync = startDocSync(m, () => useAppStore.getState().projectId);
  registerPythonProviders(m, sync);
  registerDefinitionOpener(m);
  suggestAfterImport(m);
  startPyrightMarkers(m);
}
