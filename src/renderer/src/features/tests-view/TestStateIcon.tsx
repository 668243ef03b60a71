import type { TestState } from '../../store/tests-view/tree';

const TEXT: Record<TestState, string> = { idle: 'Not run', running: 'Running', passed: 'Passed', failed: 'Failed', skipped: 'Skipped' };
const GLYPH: Record<TestState, string> = { idle: '○', running: '◌', passed: '✓', failed: '✗', skipped: '–' };

/** A test's or a file's state as VS Code's testing view shows it: a circle, a spinner, a check or a cross. */
export function TestStateIcon({ state }: { state: TestState }) {
  return (
    <span className={`tv-state tv-${state}`} role="img" aria-label={TEXT[state]} title={TEXT[state]} data-state={state}>
      {GLYPH[state]}
    </span>
  );
}
