import type { AppInfo } from '../../../../shared/models/settings';
import { isApiError } from '../../api/api-error';
import { call } from '../../api/client';
import type { ConnectionStatus } from '../../api/transport';
import { createStore } from '../create-store';
import { dropToast, pushToast, type Toast, type ToastKind } from './toasts';

export type SidebarView = 'explorer' | 'search' | 'git' | 'test' | 'tests' | 'debug' | 'platform' | 'ingestion' | 'publish' | 'review' | 'playbooks';

interface AppState {
  info: AppInfo | null;
  /** The project this window shows; one per window (desktop) or browser tab. */
  projectId: string | null;
  connection: ConnectionStatus;
  toasts: Toast[];
  fullScreen: boolean;
  sidebar: SidebarView;
  sidebarVisible: boolean;
}

interface AppAction {
  loadInfo(): Promise<void>;
  setConnection(s: ConnectionStatus): void;
  setProjectId(projectId: string | null): void;
  toast(kind: ToastKind, text: string): void;
  dismissToast(id: number): void;
  setFullScreen(on: boolean): void;
  showSidebar(view: SidebarView): void;
  toggleSidebar(): void;
}

let nextToastId = 1;

export const useAppStore = createStore<AppState & AppAction>('app', (set, get) => ({
  info: null,
  projectId: null,
  connection: 'connecting',
  toasts: [],
  fullScreen: false,
  sidebar: 'explorer',
  sidebarVisible: true,
  loadInfo: async () => set({ info: await call('app.info', {}) }, false, 'loadInfo'),
  setConnection: (connection) => set({ connection }, false, 'setConnection'),
  setProjectId: (projectId) => set({ projectId }, false, 'setProjectId'),
  toast: (kind, text) => set({ toasts: pushToast(get().toasts, { id: nextToastId++, kind, text }) }, false, 'toast'),
  dismissToast: (id) => set({ toasts: dropToast(get().toasts, id) }, false, 'dismissToast'),
  setFullScreen: (fullScreen) => set({ fullScreen }, false, 'setFullScreen'),
  showSidebar: (sidebar) => set({ sidebar, sidebarVisible: true, fullScreen: false }, false, 'showSidebar'),
  toggleSidebar: () => set({ sidebarVisible: !get().sidebarVisible }, false, 'toggleSidebar'),
}));

/** For actions in other stores: report a failure with the service's own words. */
export const toastError = (e: unknown) => {
  // While the host is unreachable the reconnect banner says so once; no toast per failed request.
  if (isApiError(e) && e.code === 'UNAVAILABLE' && useAppStore.getState().connection === 'reconnecting') return;
  useAppStore.getState().toast('error', e instanceof Error ? e.message : String(e));
};
/** For work the user did not ask for (a refresh after a save or on focus, the language server's answers, the
 * session list): a failure goes to the developer console with what was being done, not to a toast, since the next
 * refresh tries again and a toast per file event would bury the ones that matter. */
export const reportInBackground =
  (what: string) =>
  (e: unknown): void =>
    console.warn(`${what} failed:`, e);
export const toastInfo = (text: string) => useAppStore.getState().toast('info', text);
export const toastSuccess = (text: string) => useAppStore.getState().toast('success', text);

/** The project of this window; actions that touch files run only inside one. */
export function currentProjectId(): string {
  const id = useAppStore.getState().projectId;
  if (!id) throw new Error('No project is open in this window.');
  return id;
}
