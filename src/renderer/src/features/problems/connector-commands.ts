import { addOperation } from '../../store/connector/item-actions';
import { connectorPaths } from '../../store/connector/project';
import { useConnectorStore } from '../../store/connector/store';
import { useEditorStore } from '../../store/editor/store';
import type { Command } from '../../store/palette/commands';
import { useProblemsStore } from '../../store/problems/store';

/** Opens the connector's info.json (the form binds to it) and runs `then` once it is readable. */
async function withInfoJson(then: () => void) {
  const paths = connectorPaths();
  if (!paths) return;
  await useEditorStore.getState().openFile(paths.infoRel);
  if (useConnectorStore.getState().info && !useConnectorStore.getState().syntaxError) then();
}

const layout = (l: 'form' | 'split' | 'json') => () => withInfoJson(() => useConnectorStore.getState().setLayout(l));

/** The connector commands in the palette; Ctrl/Cmd+Shift+M is VS Code's Problems key. */
export const CONNECTOR_COMMANDS: readonly Command[] = [
  { id: 'view.problems', category: 'View', title: 'Toggle Problems', shortcut: 'Mod+Shift+M', inProjectOnly: true, run: () => useProblemsStore.getState().togglePanel() },
  { id: 'connector.validate', category: 'Connector', title: 'Validate Connector', inProjectOnly: true,
    run: async () => {
      useProblemsStore.getState().togglePanel(true);
      await useProblemsStore.getState().validate();
    } },
  { id: 'connector.form', category: 'Connector', title: 'Edit info.json in the Form', inProjectOnly: true, run: layout('form') },
  { id: 'connector.formAndJson', category: 'Connector', title: 'Edit info.json in the Form and as JSON', inProjectOnly: true, run: layout('split') },
  { id: 'connector.json', category: 'Connector', title: 'Edit info.json as JSON Only', inProjectOnly: true, run: layout('json') },
  { id: 'connector.preview', category: 'Connector', title: 'Preview the Configuration and Action Forms', inProjectOnly: true,
    run: () => withInfoJson(() => {
      if (useConnectorStore.getState().layout === 'json') useConnectorStore.getState().setLayout('split');
      useConnectorStore.getState().setView('preview');
    }) },
  { id: 'connector.addOperation', category: 'Connector', title: 'Add Operation', inProjectOnly: true,
    run: () => withInfoJson(() => {
      if (useConnectorStore.getState().layout === 'json') useConnectorStore.getState().setLayout('split');
      addOperation();
    }) },
];
