import { editorInstance } from '../../editor/editor-instance';
import type { FileNode } from '../../../../shared/models/workspace';
import { isMac } from '../../hooks/platform';
import { useEditorStore } from '../../store/editor/store';
import { availableCommands } from '../../store/palette/commands';
import { rankByTitle, rankPaths } from '../../store/palette/fuzzy';
import { formatShortcut } from '../../store/palette/shortcuts';
import { modeOf, termOf } from '../../store/palette/store';
import { allFiles } from '../../store/workspace/tree-model';

export interface PaletteItem {
  readonly id: string;
  readonly label: string;
  readonly detail?: string;
  readonly keys?: string;
  run(): unknown;
}

function commandItems(term: string, inProject: boolean): PaletteItem[] {
  const mac = isMac();
  const titled = availableCommands(inProject).map((c) => ({ ...c, title: `${c.category}: ${c.title}` }));
  return rankByTitle(titled, term).map((c) => ({
    id: c.id,
    label: c.title,
    keys: c.shortcut ? formatShortcut(c.shortcut, mac) + (c.shortcutScope ? ` (${c.shortcutScope})` : '') : undefined,
    run: c.run,
  }));
}

function fileItems(term: string, tree: FileNode | null): PaletteItem[] {
  if (!tree) return [];
  return rankPaths(allFiles(tree), term, 60).map((p) => ({
    id: p,
    label: p.slice(p.lastIndexOf('/') + 1),
    detail: p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : undefined,
    run: () => useEditorStore.getState().openFile(p).then(() => requestAnimationFrame(() => editorInstance.focus())),
  }));
}

function lineItems(term: string): PaletteItem[] {
  const { active, tabs } = useEditorStore.getState();
  const tab = tabs.find((t) => t.relPath === active);
  const lines = editorInstance.get()?.getModel()?.getLineCount() ?? 0;
  if (!tab || tab.kind !== 'text') return [{ id: 'none', label: 'Open a text file to go to a line.', run: () => undefined }];
  const [line, column] = term.split(/[:,]/).map((x) => Number.parseInt(x, 10));
  if (!Number.isFinite(line)) return [{ id: 'hint', label: `Type a line number between 1 and ${lines} (line:column also works).`, run: () => undefined }];
  const target = Math.min(Math.max(1, line), lines || 1);
  return [{ id: 'go', label: `Go to line ${target}${Number.isFinite(column) ? `, column ${column}` : ''}`, run: () => editorInstance.reveal(tab.relPath, target, Number.isFinite(column) ? column : 1) }];
}

/** What the palette lists for its current text; the first character picks the mode. `tree` is the project's files. */
export function paletteItems(query: string, inProject: boolean, tree: FileNode | null): PaletteItem[] {
  const mode = modeOf(query);
  if (mode === 'commands') return commandItems(termOf(query), inProject);
  if (!inProject) return [{ id: 'no-project', label: 'Open a project to search its files. Type > for commands.', run: () => undefined }];
  return mode === 'line' ? lineItems(termOf(query)) : fileItems(termOf(query), tree);
}
