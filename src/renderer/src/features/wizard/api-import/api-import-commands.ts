import { currentProjectId } from '../../../store/app/store';
import type { Command } from '../../../store/palette/commands';
import { useApiImportStore } from '../../../store/api-import/store';
import { newConnector } from '../authoring-commands';

/** Opens the wizard with the API-description import on top: the picker needs no project. */
export function startFromDescription() {
  newConnector();
  useApiImportStore.getState().open('create');
}

export const API_IMPORT_COMMANDS: readonly Command[] = [
  { id: 'apiImport.new', category: 'Connector', title: 'New Connector from an API Description…', run: startFromDescription },
  {
    id: 'apiImport.addOperations',
    category: 'Connector',
    title: 'Add Operations from the API Description…',
    inProjectOnly: true,
    run: () => useApiImportStore.getState().open('add', currentProjectId()),
  },
];
