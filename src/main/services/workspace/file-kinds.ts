import path from 'node:path';

/** Folders the tree, search and packaging never descend into. */
export const IGNORED_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv', '.idea', '.fortisoar', '.mypy_cache', '.ruff_cache', '.pytest_cache']);
export const IGNORED_FILES = new Set(['.DS_Store', 'Thumbs.db']);

const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.ico', '.webp', '.bmp']);
const BINARY_EXT = new Set([...IMAGE_EXT, '.tgz', '.gz', '.zip', '.whl', '.pyc', '.so', '.dll', '.exe', '.pdf']);

export const isImagePath = (p: string) => IMAGE_EXT.has(path.extname(p).toLowerCase());

export function looksBinary(p: string, head: Uint8Array): boolean {
  if (BINARY_EXT.has(path.extname(p).toLowerCase()) && path.extname(p).toLowerCase() !== '.svg') return true;
  const n = Math.min(head.length, 8000);
  for (let i = 0; i < n; i++) if (head[i] === 0) return true;
  return false;
}
