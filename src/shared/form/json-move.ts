import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';

/**
 * Moves an array element by rotating the raw text of the elements between `from` and `to` while the
 * separators between them stay where they are: every element keeps its own formatting byte for byte.
 */
export function moveInArray(text: string, arrayPath: JSONPath, from: number, to: number): string {
  const root = parseTree(text);
  const array = root && findNodeAtLocation(root, arrayPath);
  const items = array?.type === 'array' ? array.children ?? [] : [];
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return text;
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const slice = items.slice(lo, hi + 1);
  const raw = slice.map((n) => text.slice(n.offset, n.offset + n.length));
  const rotated = from < to ? [...raw.slice(1), ...raw.slice(0, 1)] : [...raw.slice(-1), ...raw.slice(0, -1)];
  const [first] = slice;
  const last = slice.at(-1);
  if (!first || !last) return text; // from and to are inside the array, checked above
  let out = text.slice(0, first.offset);
  slice.forEach((node, i) => {
    out += rotated[i];
    const next = slice[i + 1];
    out += next ? text.slice(node.offset + node.length, next.offset) : '';
  });
  return out + text.slice(last.offset + last.length);
}
