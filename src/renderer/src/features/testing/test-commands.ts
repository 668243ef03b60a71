import { toastInfo, useAppStore } from '../../store/app/store';
import { lastRunProblem } from '../../store/testing/last-run';
import { useTestingStore } from '../../store/testing/store';
import type { Command } from '../../store/palette/commands';
import type { TestTab } from '../../store/testing/types';

// The Test view's commands, in the palette and behind its buttons.

export function showTest(tab: TestTab) {
  useAppStore.getState().showSidebar('test');
  useTestingStore.getState().setTab(tab);
}

export function runAction() {
  showTest('actions');
  return useTestingStore.getState().run();
}

export function checkHealth() {
  showTest('configurations');
  return useTestingStore.getState().checkHealth();
}

/** Ctrl+F5, VS Code's "Run Without Debugging": the last action or health check again, with its inputs, from anywhere. */
export async function runLast() {
  const t = useTestingStore.getState();
  // The store keeps the project the Test view last opened; another project's last run is not this one's.
  const here = t.projectId !== null && t.projectId === useAppStore.getState().projectId;
  if (!here || (!t.lastRun && !t.operation)) {
    showTest('actions');
    return toastInfo('Nothing has run yet in this project: pick an action and Run it; Run Last then repeats it with the same inputs.');
  }
  const problem = t.lastRun && lastRunProblem(t.lastRun, t.info, t.configs);
  if (problem) return useAppStore.getState().toast('error', problem);
  await t.runLast();
}

export const TEST_COMMANDS: readonly Command[] = [
  { id: 'test.configuration', category: 'Test', title: 'Test Configuration', shortcut: 'Mod+Alt+C', inProjectOnly: true, run: () => showTest('configurations') },
  { id: 'test.health', category: 'Test', title: 'Check Health', inProjectOnly: true, run: () => checkHealth() },
  { id: 'test.actions', category: 'Test', title: 'Test Actions', shortcut: 'Mod+Alt+A', inProjectOnly: true, run: () => showTest('actions') },
  { id: 'test.environment', category: 'Test', title: 'Test Environment (Interpreter and Dependencies)', inProjectOnly: true, run: () => showTest('environment') },
  { id: 'test.run', category: 'Test', title: 'Run Action', shortcut: 'Mod+Enter', shortcutScope: 'Test Actions', inProjectOnly: true, run: () => runAction() },
  { id: 'test.runLast', category: 'Test', title: 'Run Last (Without Debugging)', shortcut: 'Ctrl+F5', inProjectOnly: true, run: () => runLast() },
];
