import type { Finding } from '../../../../shared/connector/findings';
import type { InfoJson } from '../../../../shared/connector/info-json';
import type { JsonSyntaxError } from '../../../../shared/form/json-text';
import { createStore } from '../create-store';
import { findTab } from '../editor/tabs';
import { useEditorStore } from '../editor/store';
import { readDoc, shareStructure, type JSONPath } from './document';
import { ancestorsToExpand, applyFormEdit, indexMapFor, remapPointers, type FormEdit } from './edits';
import { applyText, boundModel, endGroup } from './model-binding';
import type { JsonEdit } from '../../../../shared/connector/quick-fixes';
import { applyJsonEdit, fixOffersFor } from './quick-fix';

export type FormView = 'edit' | 'preview';
/** How an info.json tab shows: the form, the form beside the text, or the text alone. */
export type InfoLayout = 'form' | 'split' | 'json';

const LAYOUT_KEY = 'cs.infoJson.layout';
const storedLayout = (): InfoLayout => {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(LAYOUT_KEY);
  return v === 'form' || v === 'json' ? v : 'split';
};

interface ConnectorState {
  /** The project-relative path of the info.json the form edits (null: none open). */
  readonly relPath: string | null;
  /** The last text that parsed; kept while the text is broken so the form can show where it was. */
  readonly info: InfoJson | null;
  readonly syntaxError: JsonSyntaxError | null;
  /** Pointers of expanded operations and fields. */
  readonly expanded: readonly string[];
  readonly selected: string | null;
  /** Bumps on every select(), so choosing the same field again scrolls and flashes again. */
  readonly selectSeq: number;
  readonly view: FormView;
  readonly layout: InfoLayout;
}

interface ConnectorAction {
  /** From the model binding: the text changed (a keystroke in Monaco, a form edit, undo). */
  textChanged(relPath: string, text: string): void;
  unbound(): void;
  edit(edit: FormEdit, group?: string): void;
  set(path: JSONPath, value: unknown, group?: string): void;
  endGroup(): void;
  undo(): void;
  redo(): void;
  toggle(pointer: string, open?: boolean): void;
  select(pointer: string): void;
  setView(view: FormView): void;
  setLayout(layout: InfoLayout): void;
  /** Applies the finding's first offered fix (the certain one, when there is one). */
  applyFix(f: Finding): boolean;
  /** Applies one offered fix (a value picked from a list) as one undoable edit. */
  applyFixEdit(edit: JsonEdit): boolean;
}

export type ConnectorStore = ConnectorState & ConnectorAction;

type DocState = Omit<ConnectorState, 'view' | 'layout'>;
const EMPTY: DocState = { relPath: null, info: null, syntaxError: null, expanded: [], selected: null, selectSeq: 0 };

export const isReadOnly = (relPath: string | null) => relPath !== null && findTab(useEditorStore.getState(), relPath)?.readOnly === true;

export const useConnectorStore = createStore<ConnectorStore>('connector', (set, get) => ({
  ...EMPTY,
  view: 'edit',
  layout: storedLayout(),
  textChanged: (relPath, text) => {
    const doc = readDoc(text);
    const reset = relPath !== get().relPath ? EMPTY : {};
    if (doc.ok) set({ ...reset, relPath, info: shareStructure(get().info, doc.info), syntaxError: null }, false, 'text');
    else set({ ...reset, relPath, syntaxError: doc.error }, false, 'text/broken');
  },
  unbound: () => set(EMPTY, false, 'unbound'),
  edit: (edit, group) => {
    const model = boundModel();
    const { info, relPath, syntaxError } = get();
    if (!model || !info || syntaxError || isReadOnly(relPath)) return;
    const map = indexMapFor(edit);
    if (map) set({ expanded: remapPointers(get().expanded, edit.path, map) }, false, 'remap');
    applyText(model, applyFormEdit(model.getValue(), info, edit), group);
  },
  set: (path, value, group) => get().edit({ kind: 'set', path, value }, group),
  endGroup: () => endGroup(),
  undo: () => {
    endGroup();
    void boundModel()?.undo();
  },
  redo: () => {
    endGroup();
    void boundModel()?.redo();
  },
  toggle: (pointer, open) => {
    const has = get().expanded.includes(pointer);
    const want = open ?? !has;
    if (want === has) return;
    set({ expanded: want ? [...get().expanded, pointer] : get().expanded.filter((p) => p !== pointer) }, false, 'toggle');
  },
  select: (pointer) => {
    const expanded = [...new Set([...get().expanded, ...ancestorsToExpand(pointer)])];
    set({ selected: pointer, selectSeq: get().selectSeq + 1, expanded, view: 'edit' }, false, 'select');
  },
  setView: (view) => set({ view }, false, 'view'),
  setLayout: (layout) => {
    localStorage.setItem(LAYOUT_KEY, layout);
    set({ layout }, false, 'layout');
  },
  applyFix: (f) => {
    const [first] = fixOffersFor(get().info, f);
    return first ? get().applyFixEdit(first.edit) : false;
  },
  applyFixEdit: (edit) => {
    const model = boundModel();
    const { info, syntaxError } = get();
    if (!model || !info || syntaxError || isReadOnly(get().relPath)) return false;
    applyText(model, applyJsonEdit(model.getValue(), info, edit));
    return true;
  },
}));

export const connectorSelectors = {
  locked: (s: ConnectorState) => s.syntaxError !== null,
  isExpanded: (pointer: string) => (s: ConnectorState) => s.expanded.includes(pointer),
};
