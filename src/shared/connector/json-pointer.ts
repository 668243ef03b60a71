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
  // Past the last token is where the value goes.
  const rec = (node: unknown, [token, ...rest]: readonly string[]): unknown => {
    if (token === undefined) return value;
    const removeHere = remove && rest.length === 0;
    if (Array.isArray(node)) {
      const copy = node.slice();
      const idx = Number(token);
      if (removeHere) copy.splice(idx, 1);
      else copy[idx] = rec(node[idx], rest);
      return copy;
    }
    const obj = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : {};
    const copy: Record<string, unknown> = { ...obj };
    if (removeHere) delete copy[token];
    else copy[token] = rec(obj[token], rest);
    return copy;
  };
  return rec(doc, tokens);
}
