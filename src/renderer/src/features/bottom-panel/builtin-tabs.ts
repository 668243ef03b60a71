import { DEBUG_CONSOLE_TAB, OUTPUT_TAB, PROBLEMS_TAB } from '../../store/bottom-panel/store';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { OutputActions } from '../testing/OutputActions';
import { OutputView } from '../testing/OutputView';
import { DebugConsolePlaceholder } from './DebugConsolePlaceholder';
import { ProblemsBadge } from './ProblemsBadge';
import { registerBottomPanelTab } from './registry';

let registered = false;

/** The panel's own tabs; the debugger replaces the Debug Console's placeholder with registerBottomPanelTab. */
export function registerBuiltinPanelTabs(): void {
  if (registered) return;
  registered = true;
  registerBottomPanelTab({ id: PROBLEMS_TAB, title: 'Problems', order: 10, render: ProblemsPanel, badge: ProblemsBadge });
  registerBottomPanelTab({ id: OUTPUT_TAB, title: 'Output', order: 20, render: OutputView, actions: OutputActions });
  registerBottomPanelTab({ id: DEBUG_CONSOLE_TAB, title: 'Debug Console', order: 30, render: DebugConsolePlaceholder });
}
