import { memo } from 'react';
import type { GitFileState } from '../../../../shared/models/workspace';
import { FileIcon } from '../../components/FileIcon';
import { Icon } from '../../components/Icon';
import { gitLetter } from '../../store/git/decorations';
import type { TreeRow as Row } from '../../store/workspace/tree-model';

export const ROW_HEIGHT = 22;

interface TreeRowProps {
  row: Row;
  id: string;
  index: number;
  setSize: number;
  selected: boolean;
  active: boolean;
  dirty: boolean;
  git?: GitFileState;
  gitInside: boolean;
  dropTarget: boolean;
  onClick(row: Row): void;
  onContextMenu(row: Row, x: number, y: number): void;
  onDragStart(row: Row, e: React.DragEvent): void;
  onDragOver(row: Row, e: React.DragEvent): void;
  onDrop(row: Row, e: React.DragEvent): void;
}

/** One visible row of the virtualised tree; positioned absolutely by its index. */
export const TreeRow = memo(function TreeRow(p: TreeRowProps) {
  const { node, depth, expanded } = p.row;
  const dir = node.kind === 'dir';
  const gitClass = p.git ? ` git-${p.git}` : p.gitInside ? ' git-inside' : '';
  const classes = `tree-row${p.selected ? ' selected' : ''}${p.active ? ' active-file' : ''}${p.dropTarget ? ' drop-target' : ''}${gitClass}`;
  return (
    <div id={p.id} role="treeitem" aria-level={depth + 1} aria-setsize={p.setSize} aria-posinset={p.index + 1}
      aria-expanded={dir ? expanded : undefined} aria-selected={p.selected} className={classes}
      style={{ top: p.index * ROW_HEIGHT, paddingLeft: 8 + depth * 14 }} data-testid="tree-row" data-path={node.relPath}
      data-git={p.git} draggable onClick={() => p.onClick(p.row)}
      onContextMenu={(e) => {
        e.preventDefault();
        e.stopPropagation();
        p.onContextMenu(p.row, e.clientX, e.clientY);
      }}
      onDragStart={(e) => p.onDragStart(p.row, e)} onDragOver={(e) => p.onDragOver(p.row, e)} onDrop={(e) => p.onDrop(p.row, e)}>
      <span className="tree-twistie">{dir && <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={14} />}</span>
      <FileIcon name={node.name} dir={dir} open={expanded} />
      <span className="tree-label">{node.name}</span>
      {p.dirty && <span className="tree-dirty" title="Unsaved changes" aria-label="unsaved changes">●</span>}
      {p.git ? <span className="tree-git" title={p.git}>{gitLetter(p.git)}</span> : p.gitInside ? <span className="tree-git-dot" aria-hidden="true">•</span> : null}
    </div>
  );
});
