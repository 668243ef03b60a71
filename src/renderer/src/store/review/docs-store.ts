import { call } from '../../api/client';
import { currentProjectId } from '../app/store';
import { createStore } from '../create-store';
import { useProjectsStore } from '../projects/store';
import { downloadText } from './download';

interface DocsState {
  /** The preview covers the editor area while open. */
  readonly open: boolean;
  readonly html: string | null;
  readonly loading: boolean;
  readonly error: string | null;
}

interface DocsAction {
  show(): Promise<void>;
  hide(): void;
  refresh(): Promise<void>;
  exportMarkdown(): Promise<void>;
  exportHtml(): Promise<void>;
  reset(): void;
}

const EMPTY: DocsState = { open: false, html: null, loading: false, error: null };

let generation = 0;

/** "sample-threat-intel-1.0.0.md": the connector's name and version, as the package's own file name has. */
export function docsFileName(ext: 'md' | 'html'): string {
  const id = currentProjectId();
  const p = useProjectsStore.getState().projects.find((x) => x.id === id);
  const stem = p ? `${p.name}-${p.version}` : 'connector-docs';
  return `${stem.replace(/[^\w.-]+/g, '-')}.${ext}`;
}

export const useDocsStore = createStore<DocsState & DocsAction>('docs', (set, get) => ({
  ...EMPTY,
  show: async () => {
    set({ open: true }, false, 'show');
    await get().refresh();
  },
  hide: () => set({ open: false }, false, 'hide'),
  refresh: async () => {
    const mine = ++generation;
    set({ loading: true, error: null }, false, 'refresh');
    try {
      const { text } = await call('docs.generate', { projectId: currentProjectId(), format: 'html' });
      if (mine === generation) set({ html: text, loading: false }, false, 'refresh/done');
    } catch (e) {
      if (mine === generation) set({ loading: false, error: e instanceof Error ? e.message : String(e) }, false, 'refresh/failed');
    }
  },
  exportMarkdown: async () => {
    const { text } = await call('docs.generate', { projectId: currentProjectId(), format: 'markdown' });
    downloadText(docsFileName('md'), text, 'text/markdown');
  },
  exportHtml: async () => {
    const { text } = await call('docs.generate', { projectId: currentProjectId(), format: 'html' });
    downloadText(docsFileName('html'), text, 'text/html');
  },
  reset: () => {
    generation++;
    set(EMPTY, false, 'reset');
  },
}));
