/** Watch expressions outlive a session and a reload, per project, as VS Code keeps them per workspace: a UI
 * preference in the window's storage (absent in unit tests that run in node), never in the project. */
type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const keyOf = (projectId: string) => `cs.debug.watches.${projectId}`;
const MAX = 200;

export function loadWatches(storage: Storage | null, projectId: string): string[] {
  const text = storage?.getItem(keyOf(projectId));
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string' && x.trim() !== '').slice(0, MAX) : [];
  } catch (e) {
    // A damaged entry costs the watches, not the debugger.
    console.warn(`The watch expressions kept for ${projectId} are not JSON and were dropped:`, e);
    return [];
  }
}

export function saveWatches(storage: Storage | null, projectId: string, expressions: readonly string[]): void {
  storage?.setItem(keyOf(projectId), JSON.stringify(expressions.slice(0, MAX)));
}
