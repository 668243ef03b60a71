import { Icon } from '../../components/Icon';
import { languageLabel } from '../../store/editor/languages';
import { editorSelectors, useEditorStore } from '../../store/editor/store';
import { useAppStore } from '../../store/app/store';
import { useGitStore } from '../../store/git/store';
import { usePaletteStore } from '../../store/palette/store';
import { useProblemsStore } from '../../store/problems/store';

function BackupState() {
  const tabs = useEditorStore((s) => s.tabs);
  const dirty = tabs.filter((t) => t.dirty);
  if (!dirty.length) return null;
  const pending = dirty.some((t) => t.backup !== 'saved');
  return (
    <span className="status-item" data-testid="backup-status" data-state={pending ? 'pending' : 'saved'} title="Unsaved edits are backed up so a crash loses nothing">
      {pending ? 'Backing up…' : `${dirty.length} unsaved, backed up`}
    </span>
  );
}

/** Branch, problems and backups on the left; cursor and language of the active file on the right. */
export function StatusBar() {
  const status = useGitStore((s) => s.status);
  const tab = useEditorStore(editorSelectors.activeTab);
  const cursor = useEditorStore((s) => s.cursor);
  // The Problems panel's own list and counts: what the status bar says is what the panel lists.
  const problems = useProblemsStore((s) => s.shownCounts);
  const showSidebar = useAppStore((s) => s.showSidebar);
  return (
    <footer className="status-bar" aria-label="Status bar">
      <div className="status-left">
        <button className="status-item" onClick={() => showSidebar('git')} data-testid="status-branch" title="Source Control">
          <Icon name="branch" size={14} />
          {status?.isRepo ? status.branch ?? 'detached' : 'No git repository'}
          {status?.isRepo && status.files.length > 0 && <span>*</span>}
        </button>
        <button className="status-item" data-testid="status-problems" data-errors={problems.errors} data-warnings={problems.warnings}
          title="Problems in the connector (Ctrl+Shift+M)" onClick={() => useProblemsStore.getState().togglePanel()}>
          <Icon name="error" size={14} /> {problems.errors}<span className="visually-hidden"> errors,</span>{' '}
          <Icon name="warning" size={14} /> {problems.warnings}<span className="visually-hidden"> warnings</span>
        </button>
        <BackupState />
      </div>
      <div className="status-right">
        {tab?.readOnly && <span className="status-item">Read-only</span>}
        {tab?.kind === 'text' && cursor && (
          <button className="status-item" onClick={() => usePaletteStore.getState().show(':')} data-testid="status-cursor" title="Go to Line">
            Ln {cursor.line}, Col {cursor.column}
          </button>
        )}
        {tab && <span className="status-item" data-testid="status-language">{languageLabel(tab.language)}</span>}
      </div>
    </footer>
  );
}
