import { Icon, type IconName } from '../../components/Icon';
import { useWorkspaceStore } from '../../store/workspace/store';
import { FileTree } from './FileTree';
import { exportTgz } from '../wizard/authoring-commands';
import { newFile, newFolder, pickAndUpload } from './tree-commands';

function ToolButton({ icon, label, onClick, testId }: { icon: IconName; label: string; onClick(): void; testId: string }) {
  return (
    <button className="icon-button" title={label} aria-label={label} onClick={onClick} data-testid={testId}>
      <Icon name={icon} />
    </button>
  );
}

/** The Explorer side bar: a header with the project's actions over the file tree. */
export function ExplorerView({ title }: { title: string }) {
  const error = useWorkspaceStore((s) => s.error);
  const loading = useWorkspaceStore((s) => s.loading);
  const ws = useWorkspaceStore.getState;
  return (
    <section className="sidebar-view" aria-label="Explorer">
      <div className="sidebar-header">
        <h2 className="sidebar-title">Explorer</h2>
      </div>
      <div className="section-header">
        <span className="section-title" title={title}>{title}</span>
        <div className="section-actions">
          <ToolButton icon="filePlus" label="New File…" onClick={() => void newFile()} testId="tree-new-file" />
          <ToolButton icon="folderPlus" label="New Folder…" onClick={() => void newFolder()} testId="tree-new-folder" />
          <ToolButton icon="upload" label="Upload Files…" onClick={() => pickAndUpload()} testId="tree-upload" />
          <ToolButton icon="arrowDown" label="Export .tgz" onClick={() => void exportTgz()} testId="tree-export-tgz" />
          <ToolButton icon="refresh" label="Refresh Explorer" onClick={() => void ws().loadTree()} testId="tree-refresh" />
          <ToolButton icon="collapse" label="Collapse Folders" onClick={() => useWorkspaceStore.getState().collapseAll()} testId="tree-collapse" />
        </div>
      </div>
      {error && <p className="inline-error" role="alert">{error}</p>}
      {loading && <p className="muted pad">Loading files…</p>}
      <FileTree />
    </section>
  );
}
