/** RFC 6901 JSON pointers. */
export function escapeToken(token: string | number): string {
  const s = String(token);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

export function joinPointer(base: string, token: string | number): string {
  return `${base}/${escapeToken(token)}`;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAtPointer(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const token of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** A copy of `doc` with the value at `pointer` replaced (or removed when `remove`). Only the objects on the
 * path are copied; everything else is shared. */
export function setAtPointer(doc: unknown, pointer: string, value: unknown, remove = false): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const rec = (node: unknown, i: number): unknown => {
    const token = tokens[i];
    const last = i === tokens.length - 1;
    if (Array.isArray(node)) {
      const copy = node.slice();
      const idx = Number(token);
      if (last && remove) copy.splice(idx, 1);
      else copy[idx] = last ? value : rec(node[idx], i + 1);
      return copy;
    }
    const obj = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : {};
    const copy: Record<string, unknown> = { ...obj };
    if (last && remove) delete copy[token];
    else copy[token] = last ? value : rec(obj[token], i + 1);
    return copy;
  };
  return rec(doc, 0);
}
