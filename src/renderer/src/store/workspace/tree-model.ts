import type { FileNode } from '../../../../shared/models/workspace';

export interface TreeRow {
  readonly node: FileNode;
  readonly depth: number;
  readonly expanded: boolean;
}

/** The rows a tree shows, top to bottom: children of expanded folders only. The root itself is not a row. */
export function flattenVisible(root: FileNode, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (nodes: readonly FileNode[] | undefined, depth: number) => {
    for (const node of nodes ?? []) {
      const open = node.kind === 'dir' && expanded.has(node.relPath);
      rows.push({ node, depth, expanded: open });
      if (open) visit(node.children, depth + 1);
    }
  };
  visit(root.children, 0);
  return rows;
}

export const parentOf = (relPath: string) => (relPath.includes('/') ? relPath.slice(0, relPath.lastIndexOf('/')) : '');
export const baseName = (relPath: string) => relPath.slice(relPath.lastIndexOf('/') + 1);
export const joinPath = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
export const isInside = (relPath: string, dir: string) => relPath === dir || relPath.startsWith(`${dir}/`);

/** '' for the root, each ancestor folder otherwise ("a/b/c.py" -> ["a", "a/b"]). */
export function ancestorsOf(relPath: string): string[] {
  const parts = relPath.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

export function allFiles(root: FileNode): string[] {
  const out: string[] = [];
  const visit = (n: FileNode) => (n.kind === 'file' ? out.push(n.relPath) : n.children?.forEach(visit));
  visit(root);
  return out;
}

export function findNode(root: FileNode, relPath: string): FileNode | null {
  if (root.relPath === relPath) return root;
  for (const child of root.children ?? []) {
    if (isInside(relPath, child.relPath)) return findNode(child, relPath);
  }
  return null;
}

/** The folder new files go into: the selection if it is a folder, else its parent. */
export function targetDirOf(root: FileNode | null, selected: string | null): string {
  if (!root || !selected) return '';
  const node = findNode(root, selected);
  return node?.kind === 'dir' ? node.relPath : parentOf(selected);
}

/** Why a name cannot be used for a new or renamed entry, or null when it can. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'A name is needed.';
  if (/[\\/]/.test(trimmed)) return 'A name cannot contain / or \\.';
  if (trimmed === '.' || trimmed === '..') return `"${trimmed}" is not a valid name.`;
  if (/[<>:"|?*]/.test(trimmed) || [...trimmed].some((c) => c.charCodeAt(0) < 32)) return 'A name cannot contain < > : " | ? * or control characters.';
  return null;
}

/** Keeps only expanded folders that still exist after a refresh (a folder renamed outside the IDE disappears). */
export function pruneExpanded(root: FileNode, expanded: readonly string[]): string[] {
  return expanded.filter((p) => findNode(root, p)?.kind === 'dir');
}
