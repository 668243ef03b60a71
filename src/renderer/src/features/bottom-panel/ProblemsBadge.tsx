import { useProblemsStore } from '../../store/problems/store';

/** The Problems tab's count, as in VS Code; nothing when there are none. */
export function ProblemsBadge() {
  const count = useProblemsStore((s) => s.shown.length);
  return count > 0 ? <span className="count-badge" data-testid="bottom-tab-problems-count">{count}</span> : null;
}
