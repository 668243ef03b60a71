/** Arrow keys in a debugger tree or list (Variables, Watch, Call Stack, Breakpoints, the console's values): Up and
 * Down move between its rows, Home and End to the ends, Right opens a closed row and Left closes an open one. Rows
 * carry ROW_ATTR; a row's own Enter/Space handler does the rest. */
export const ROW_ATTR = 'data-debug-row';

export function onTreeKey(e: React.KeyboardEvent<HTMLElement>): void {
  if ((e.target as HTMLElement).closest('input, textarea, select')) return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>(`[${ROW_ATTR}]`)];
  const at = rows.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const row = rows[at];
  const expanded = row.getAttribute('aria-expanded');
  const to =
    e.key === 'ArrowDown' ? Math.min(at + 1, rows.length - 1)
    : e.key === 'ArrowUp' ? Math.max(at - 1, 0)
    : e.key === 'Home' ? 0
    : e.key === 'End' ? rows.length - 1
    : -1;
  if (to >= 0) {
    e.preventDefault();
    rows[to].focus();
  } else if ((e.key === 'ArrowRight' && expanded === 'false') || (e.key === 'ArrowLeft' && expanded === 'true')) {
    e.preventDefault();
    row.click();
  }
}

/** One tab stop for the whole tree: Tab lands on its first row; Shift+Tab from a row leaves it. */
function focusFirstRow(e: React.FocusEvent<HTMLElement>): void {
  if (e.target !== e.currentTarget || (e.relatedTarget && e.currentTarget.contains(e.relatedTarget as Node))) return;
  e.currentTarget.querySelector<HTMLElement>(`[${ROW_ATTR}]`)?.focus();
}

export const treeProps = { tabIndex: 0, onKeyDown: onTreeKey, onFocus: focusFirstRow } as const;
