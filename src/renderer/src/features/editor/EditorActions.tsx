import { Icon } from '../../components/Icon';
import { toastError } from '../../store/app/store';
import type { Tab } from '../../store/editor/tabs';
import { formatActiveDocument } from '../python-lint/python-lint';

/** Actions on the file in the editor, at the right end of the tab bar: Format for Python (ruff, one undoable
 * edit, as "Format Document" and format on save). */
export function EditorActions({ tab }: { tab: Tab | null }) {
  if (!tab || tab.kind !== 'text' || tab.language !== 'python') return null;
  return (
    <div className="editor-actions" role="toolbar" aria-label="Editor actions">
      <button className="icon-button editor-action" aria-label="Format Document" title="Format Document with ruff (Shift+Alt+F)" disabled={tab.readOnly}
        onClick={() => void formatActiveDocument().catch(toastError)} data-testid="editor-format">
        <Icon name="format" />
        <span>Format</span>
      </button>
    </div>
  );
}
