/** pyright's latest diagnostics per file of this window's project, as the `lsp.diagnostics` events deliver
 * them. The editor turns them into markers; the Problems panel reads them with `pyrightFindings`. */
import type { Finding } from '../../../../shared/connector/findings';
import type { Events, LspDiagnostic } from '../../../../shared/ipc/contract';
import { onEvent } from '../../api/client';
import { useAppStore } from '../../store/app/store';
import { createStore } from '../../store/create-store';

interface PyrightState {
  readonly projectId: string | null;
  /** Project-relative path -> diagnostics, hints included (they only fade code, never reach Problems). */
  readonly byFile: Readonly<Record<string, readonly LspDiagnostic[]>>;
  /** Files pyright has checked at least once (it sends their diagnostics, an empty list too, when done). */
  readonly analysed: Readonly<Record<string, true>>;
}

interface PyrightAction {
  received(e: Events['lsp.diagnostics']): void;
  reset(projectId: string | null): void;
}

export const usePyrightStore = createStore<PyrightState & PyrightAction>('pyright', (set, get) => ({
  projectId: null,
  byFile: {},
  analysed: {},
  received: (e) => {
    if (e.projectId !== get().projectId) return;
    const byFile = { ...get().byFile };
    if (e.diagnostics.length) byFile[e.relPath] = e.diagnostics;
    else delete byFile[e.relPath];
    const analysed = get().analysed[e.relPath] ? get().analysed : { ...get().analysed, [e.relPath]: true as const };
    set({ byFile, analysed }, false, 'received');
  },
  reset: (projectId) => set({ projectId, byFile: {}, analysed: {} }, false, 'reset'),
}));

/**
 * The diagnostics as findings with `source: "pyright"`, for the Problems panel beside the rule engine and ruff.
 * `connectorRel` is the connector folder inside the project ('' for a bare connector folder): finding paths
 * are relative to it, like every other finding; files outside it keep their project path.
 */
export function pyrightFindings(state: Pick<PyrightState, 'byFile'>, connectorRel: string): Finding[] {
  const prefix = connectorRel ? `${connectorRel}/` : '';
  const out: Finding[] = [];
  for (const [relPath, list] of Object.entries(state.byFile)) {
    const file = prefix && relPath.startsWith(prefix) ? relPath.slice(prefix.length) : relPath;
    for (const d of list) {
      if (d.severity === 'hint') continue;
      out.push({ rule: d.rule, source: 'pyright', severity: d.severity, message: d.message, path: file, line: d.line, column: d.column });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
}

/** Resolves once pyright has checked the file (at once if it has), or false after `timeoutMs`. */
export function whenAnalysed(relPath: string, timeoutMs: number): Promise<boolean> {
  if (usePyrightStore.getState().analysed[relPath]) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      off();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const off = usePyrightStore.subscribe((s) => s.analysed[relPath] && done(true));
  });
}

let listening: (() => void) | null = null;

/** Subscribes once to `lsp.diagnostics` and follows the window's project. Safe to call more than once. */
export function listenForPyright(): void {
  if (listening) return;
  usePyrightStore.getState().reset(useAppStore.getState().projectId);
  const off = onEvent('lsp.diagnostics', (e) => usePyrightStore.getState().received(e));
  const unsub = useAppStore.subscribe((s, prev) => {
    if (s.projectId !== prev.projectId) usePyrightStore.getState().reset(s.projectId);
  });
  listening = () => {
    off();
    unsub();
  };
}
