/** The "Start from an API description" and "Add operations from the API description" flows: the description the
 * user gave, the preview the services made of it, and the picks (operations, titles, categories, health check). */
import { create } from 'zustand';
import type { ApiDescriptionKind, ApiDescriptionSource, ApiImportPreview, OperationCategory } from '../../../../shared/models/api-import';
import { call } from '../../api/client';
import { messageOf } from '../../api/api-error';

export type ApiImportMode = 'create' | 'add';

export interface ApiImportState {
  /** Open for a new connector, or for the open project; null when closed. */
  mode: ApiImportMode | null;
  projectId: string | null;
  source: ApiDescriptionSource | null;
  /** The last description read in this window: the Test view's mock vendor offers it. Kept when the dialog closes. */
  lastSource: ApiDescriptionSource | null;
  preview: ApiImportPreview | null;
  /** ms from asking for the preview to the picker's first render (the bench reads it). */
  pickerMs: number | null;
  readStartedAt: number | null;
  reading: boolean;
  busy: boolean;
  error: string | null;
  picked: ReadonlySet<string>;
  titles: Readonly<Record<string, string>>;
  categories: Readonly<Record<string, OperationCategory>>;
  healthCheck: string | null;
  open(mode: ApiImportMode, projectId?: string | null): void;
  close(): void;
  read(text: string, fileName?: string, kind?: ApiDescriptionKind): Promise<void>;
  rendered(): void;
  toggle(id: string, on?: boolean): void;
  setMany(ids: readonly string[], on: boolean): void;
  setTitle(id: string, title: string): void;
  setCategory(id: string, category: OperationCategory): void;
  setHealthCheck(id: string | null): void;
  reset(): void;
}

const initial = {
  source: null,
  preview: null,
  pickerMs: null,
  readStartedAt: null,
  reading: false,
  busy: false,
  error: null,
  picked: new Set<string>() as ReadonlySet<string>,
  titles: {},
  categories: {},
  healthCheck: null,
};

export const useApiImportStore = create<ApiImportState>((set, get) => ({
  mode: null,
  projectId: null,
  lastSource: null,
  ...initial,
  open: (mode, projectId = null) => set({ mode, projectId, ...initial }),
  close: () => set({ mode: null, projectId: null, ...initial }),
  reset: () => set({ ...initial }),
  async read(text, fileName, kind) {
    const source: ApiDescriptionSource = { text, ...(fileName ? { fileName } : {}), ...(kind ? { kind } : {}) };
    set({ reading: true, error: null, readStartedAt: performance.now(), pickerMs: null });
    try {
      const preview = await call('apiImport.preview', { source });
      const picked = new Set(preview.operations.filter((o) => o.readOnly).map((o) => o.id));
      const health = preview.operations.find((o) => o.cheap && picked.has(o.id)) ?? preview.operations.find((o) => o.cheap);
      set({ source, lastSource: source, preview, picked, titles: {}, categories: {}, healthCheck: health?.id ?? null, reading: false });
    } catch (e) {
      set({ reading: false, error: messageOf(e) });
    }
  },
  rendered() {
    const started = get().readStartedAt;
    if (started !== null && get().pickerMs === null) set({ pickerMs: Math.round(performance.now() - started) });
  },
  toggle(id, on) {
    const picked = new Set(get().picked);
    if (on ?? !picked.has(id)) picked.add(id);
    else picked.delete(id);
    set({ picked });
  },
  setMany(ids, on) {
    const picked = new Set(get().picked);
    for (const id of ids) if (on) picked.add(id);
    else picked.delete(id);
    set({ picked });
  },
  setTitle: (id, title) => set({ titles: { ...get().titles, [id]: title } }),
  setCategory: (id, category) => set({ categories: { ...get().categories, [id]: category } }),
  setHealthCheck: (healthCheck) => set({ healthCheck }),
}));

/** The selection the services take, in the description's order. */
export function selectionOf(s: Pick<ApiImportState, 'preview' | 'picked' | 'titles' | 'categories' | 'healthCheck'>) {
  const operations = (s.preview?.operations ?? []).filter((o) => s.picked.has(o.id)).map((o) => o.id);
  return {
    operations,
    titles: Object.fromEntries(Object.entries(s.titles).filter(([id, t]) => s.picked.has(id) && t.trim())),
    categories: Object.fromEntries(Object.entries(s.categories).filter(([id]) => s.picked.has(id))),
    ...(s.healthCheck ? { healthCheck: s.healthCheck } : {}),
  };
}

/** Operations matching a search (id, title, method, path, group), by group in the description's order. */
export function groupOperations(preview: ApiImportPreview | null, query: string) {
  const q = query.trim().toLowerCase();
  const groups = new Map<string, ApiImportPreview['operations'][number][]>();
  for (const op of preview?.operations ?? []) {
    if (q && !`${op.id} ${op.title} ${op.method} ${op.path} ${op.group}`.toLowerCase().includes(q)) continue;
    const g = op.group || 'Other';
    const list = groups.get(g) ?? [];
    list.push(op);
    groups.set(g, list);
  }
  return [...groups.entries()].map(([group, operations]) => ({ group, operations }));
}

/** A connector name from the description's title: "Tenable Platform API" -> tenable-platform. */
export function nameFromTitle(title: string): string {
  return title.replace(/\bAPI\b/gi, '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'my-connector';
}
