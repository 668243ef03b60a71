import { toastError, toastInfo, useAppStore } from '../../store/app/store';
import { useBottomPanelStore, DEBUG_CONSOLE_TAB } from '../../store/bottom-panel/store';
import { useDebugStore } from '../../store/debug/store';
import { actionLaunch, healthLaunch, lastRunLaunch, testLaunch, type DebugLaunch } from '../../store/debug/launches';
import { showLaunchErrors } from '../../store/debug/testing-bridge';
import { useEditorStore } from '../../store/editor/store';
import type { Command } from '../../store/palette/commands';
import { useTestingStore } from '../../store/testing/store';
import { showTest } from '../testing/test-commands';

// The debugger's commands, in the palette, behind VS Code's keys and behind the Debug buttons.

const debugging = () => useDebugStore.getState().session !== null;
const paused = () => useDebugStore.getState().session?.state === 'paused';

export function showDebugView() {
  useAppStore.getState().showSidebar('debug');
}

/** Starts a session, shows the Run and Debug view and the Debug Console (where its output goes). */
async function launch(l: DebugLaunch) {
  const projectId = useAppStore.getState().projectId;
  if (!projectId) return;
  if (useDebugStore.getState().projectId !== projectId) await useDebugStore.getState().open(projectId);
  showDebugView();
  useBottomPanelStore.getState().show(DEBUG_CONSOLE_TAB);
  await useDebugStore.getState().start(l);
}

/** Test Actions' Debug: the form's action, checked as Run checks it (errors beside the fields). */
export async function debugAction() {
  const t = useTestingStore.getState();
  const checked = actionLaunch(t);
  if (!checked.ok) {
    // The form says what is missing, beside its fields: show it (the command may come from the palette).
    showLaunchErrors(checked.paramErrors, checked.runError);
    return showTest('actions');
  }
  showLaunchErrors({}, null);
  await launch(checked.launch);
}

export async function debugHealth(configId: string) {
  await launch(healthLaunch(configId, useTestingStore.getState().configs));
}

/** The Tests view's Debug test: the test's recorded call replayed from its cassette, stopping at breakpoints. */
export async function debugTest(testId: string) {
  await launch(testLaunch(testId));
}

/** The last action or health check again, with its inputs, under the debugger. */
export async function debugLast() {
  const t = useTestingStore.getState();
  const here = t.projectId !== null && t.projectId === useAppStore.getState().projectId;
  if (!here || !t.lastRun) {
    // Nothing ran yet: debug the action the form shows, as Run Last runs it.
    if (here && t.operation) return debugAction();
    return toastInfo('Nothing has run yet in this project: pick an action in Test Actions and press Debug; Debug Last (F5) then repeats it.');
  }
  const checked = lastRunLaunch(t.lastRun, t.info, t.configs);
  if (!checked.ok) return toastError(new Error(checked.runError ?? 'The last run cannot start again.'));
  await launch(checked.launch);
}

/** F5: Continue while paused, Debug Last while nothing is being debugged (VS Code's Start Debugging). */
export function continueOrStart() {
  if (paused()) return useDebugStore.getState().continue();
  if (!debugging()) return debugLast();
}

/** F9: the breakpoint on the cursor's line of the file in the editor. */
function toggleAtCursor() {
  const { active, cursor } = useEditorStore.getState();
  if (!active || !cursor) return toastInfo('Open a file and put the cursor on a line to toggle its breakpoint.');
  return useDebugStore.getState().toggleBreakpoint(active, cursor.line);
}

const d = () => useDebugStore.getState();

export const DEBUG_COMMANDS: readonly Command[] = [
  { id: 'debug.show', category: 'View', title: 'Show Run and Debug', shortcut: 'Mod+Shift+D', inProjectOnly: true, run: showDebugView },
  { id: 'debug.continue', category: 'Debug', title: 'Continue (or Debug Last when not debugging)', shortcut: 'F5', inProjectOnly: true, run: continueOrStart },
  { id: 'debug.debugLast', category: 'Debug', title: 'Debug Last', inProjectOnly: true, available: () => !debugging(), run: debugLast },
  { id: 'debug.action', category: 'Debug', title: 'Debug Action (Test Actions\' form)', inProjectOnly: true, available: () => !debugging(), run: debugAction },
  { id: 'debug.pause', category: 'Debug', title: 'Pause', shortcut: 'F6', inProjectOnly: true, available: () => d().session?.state === 'running', run: () => d().pause() },
  { id: 'debug.stepOver', category: 'Debug', title: 'Step Over', shortcut: 'F10', inProjectOnly: true, available: debugging, run: () => d().stepOver() },
  { id: 'debug.stepInto', category: 'Debug', title: 'Step Into', shortcut: 'F11', inProjectOnly: true, available: debugging, run: () => d().stepInto() },
  { id: 'debug.stepOut', category: 'Debug', title: 'Step Out', shortcut: 'Shift+F11', inProjectOnly: true, available: debugging, run: () => d().stepOut() },
  { id: 'debug.restart', category: 'Debug', title: 'Restart', shortcut: 'Mod+Shift+F5', inProjectOnly: true, available: debugging, run: () => d().restart() },
  { id: 'debug.stop', category: 'Debug', title: 'Stop', shortcut: 'Shift+F5', inProjectOnly: true, available: debugging, run: () => d().stop() },
  { id: 'debug.toggleBreakpoint', category: 'Debug', title: 'Toggle Breakpoint', shortcut: 'F9', inProjectOnly: true, run: toggleAtCursor },
  { id: 'debug.enableAllBreakpoints', category: 'Debug', title: 'Enable All Breakpoints', inProjectOnly: true, run: () => d().setAllEnabled(true) },
  { id: 'debug.disableAllBreakpoints', category: 'Debug', title: 'Disable All Breakpoints', inProjectOnly: true, run: () => d().setAllEnabled(false) },
  { id: 'debug.removeAllBreakpoints', category: 'Debug', title: 'Remove All Breakpoints', inProjectOnly: true, run: () => d().removeAllBreakpoints() },
];
