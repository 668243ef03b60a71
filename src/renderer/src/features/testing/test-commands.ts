import { useAppStore } from '../../store/app/store';
import { useTestingStore } from '../../store/testing/store';
import type { TestTab } from '../../store/testing/types';

// Palette commands of the Test view.

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
