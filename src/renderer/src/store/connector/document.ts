/** Pure helpers over the info.json text, which stays the source of truth: the form reads a parsed copy and
 * writes through text edits, so formatting, key order and keys the form does not know survive. */
import { findNodeAtLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import type { InfoJson } from '../../../../shared/connector/info-json';
import { escapeToken, parsePointer } from '../../../../shared/connector/json-pointer';
import { parseJsonText, type JsonSyntaxError } from '../../../../shared/form/json-text';

export type { JSONPath };

export type ParsedDoc = { ok: true; info: InfoJson } | { ok: false; error: JsonSyntaxError };

/** JSON.parse is several times faster than a tolerant parse; the tolerant one runs only to locate an error. */
export function readDoc(text: string): ParsedDoc {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { ok: true, info: value as InfoJson };
    return { ok: false, error: { message: 'info.json must hold one JSON object { ... }', offset: 0, line: 1, column: 1 } };
  } catch (e) {
    const first = parseJsonText(text).errors[0];
    return { ok: false, error: first ?? { message: (e as Error).message, offset: 0, line: 1, column: 1 } };
  }
}

/**
 * Reuses every subtree of `prev` that is deep-equal to the one in `next`, so memoised components skip the
 * parts of the form an edit did not touch (a keystroke re-parses the whole document).
 */
export function shareStructure<T>(prev: unknown, next: T): T {
  if (prev === next) return next;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  if (Array.isArray(prev) !== Array.isArray(next)) return next;
  if (Array.isArray(next)) {
    const p = prev as unknown[];
    const out = next.map((v, i) => shareStructure(p[i], v));
    return (out.length === p.length && out.every((v, i) => v === p[i]) ? p : out) as T;
  }
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  const out: Record<string, unknown> = {};
  let same = keys.length === Object.keys(p).length;
  for (const k of keys) {
    out[k] = shareStructure(p[k], n[k]);
    if (out[k] !== p[k] || !(k in p)) same = false;
  }
  return (same ? p : out) as T;
}

/** The one edit turning `before` into `after`: the common prefix and suffix stay untouched. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function diffText(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/** JSON pointer -> jsonc-parser path: tokens under arrays become numbers (jsonc-parser needs them so). */
export function pointerToPath(doc: unknown, pointer: string): JSONPath {
  const path: JSONPath = [];
  let node = doc;
  for (const token of parsePointer(pointer)) {
    const key = Array.isArray(node) && /^\d+$/.test(token) ? Number(token) : token;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key as string] : undefined;
  }
  return path;
}

export const pathToPointer = (path: JSONPath): string => path.map((t) => `/${escapeToken(t)}`).join('');

/** The text span of the value at `pointer`, or of its closest existing ancestor (a missing key's parent). */
export function locatePointer(text: string, pointer: string, tree: Node | undefined = parseTree(text)): { offset: number; length: number; exact: boolean } | null {
  if (!tree) return null;
  if (pointer !== '' && !pointer.startsWith('/')) return null; // not a JSON pointer
  const tokens = parsePointer(pointer);
  for (let n = tokens.length; n >= 0; n--) {
    const path = tokens.slice(0, n).map((t) => (/^\d+$/.test(t) ? Number(t) : t));
    const node = findNodeAtLocation(tree, path) ?? findNodeAtLocation(tree, tokens.slice(0, n));
    if (!node) continue;
    return { ...spanOf(node), exact: n === tokens.length };
  }
  return null;
}

/** A scalar is marked on its value (a bad version squiggles "1.0", not "version"); an object or array only at
 * its key (or bracket), so a marker on a whole operation does not paint a hundred lines. */
function spanOf(node: Node): { offset: number; length: number } {
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  const compound = node.type === 'object' || node.type === 'array';
  if (!compound) return { offset: node.offset, length: node.length };
  return key ? { offset: key.offset, length: key.length } : { offset: node.offset, length: 1 };
}
