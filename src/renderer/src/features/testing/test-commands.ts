import { useAppStore } from '../../store/app/store';
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

export const TEST_COMMANDS: readonly Command[] = [
  { id: 'test.configuration', category: 'Test', title: 'Test Configuration', shortcut: 'Mod+Alt+C', inProjectOnly: true, run: () => showTest('configurations') },
  { id: 'test.health', category: 'Test', title: 'Check Health', inProjectOnly: true, run: () => checkHealth() },
  { id: 'test.actions', category: 'Test', title: 'Test Actions', shortcut: 'Mod+Alt+A', inProjectOnly: true, run: () => showTest('actions') },
  { id: 'test.environment', category: 'Test', title: 'Test Environment (Interpreter and Dependencies)', inProjectOnly: true, run: () => showTest('environment') },
  { id: 'test.run', category: 'Test', title: 'Run Action', shortcut: 'Mod+Enter', shortcutScope: 'Test Actions', inProjectOnly: true, run: () => runAction() },
];
