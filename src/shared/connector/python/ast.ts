/** Small helpers over @lezer/python syntax trees (a real incremental parser that also runs in the browser). */
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { lineIndex, type LineIndex } from '../text-position';
import { stringLiteralValue } from './scan';

export type { SyntaxNode };

export interface PyModule {
  readonly path: string;
  readonly text: string;
  readonly top: SyntaxNode;
  readonly lines: LineIndex;
}

export function parseModule(path: string, text: string): PyModule {
  return { path, text, top: parser.parse(text).topNode, lines: lineIndex(text) };
}

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export const textOf = (m: PyModule, node: SyntaxNode): string => m.text.slice(node.from, node.to);

/** Every node of a given name under `node`, in source order. */
export function descendants(node: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const cursor = node.cursor();
  const end = node.to;
  if (!cursor.firstChild()) return out;
  do {
    if (cursor.from >= end) break;
    if (cursor.name === name) out.push(cursor.node);
  } while (cursor.next() && cursor.from < end);
  return out;
}

/** The value of a plain string literal, or undefined for f-strings and anything computed. */
export function stringValue(m: PyModule, node: SyntaxNode): string | undefined {
  if (node.name === 'ContinuedString') {
    const parts = children(node).map((c) => stringValue(m, c));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  return node.name === 'String' ? stringLiteralValue(textOf(m, node)) : undefined;
}

/** The name a simple target or callee denotes: `x` -> "x", `self.x` -> "self.x", else undefined. */
export function dottedName(m: PyModule, node: SyntaxNode): string | undefined {
  if (node.name === 'VariableName') return textOf(m, node);
  if (node.name !== 'MemberExpression') return undefined;
  const kids = children(node);
  const [object, dot, property] = kids;
  if (kids.length !== 3 || !object || dot?.name !== '.' || property?.name !== 'PropertyName') return undefined;
  const base = dottedName(m, object);
  return base === undefined ? undefined : `${base}.${textOf(m, property)}`;
}

export interface ImportedName {
  /** Module path relative to the connector root, e.g. "operations.py" (undefined for absolute imports). */
  readonly modulePath: string | undefined;
  /** The name imported, or "*". */
  readonly name: string;
  /** The name bound in the importing module. */
  readonly alias: string;
  readonly node: SyntaxNode;
}

/** `from .a.b import c as d, *` -> relative module files and names. Absolute imports are ignored. */
export function relativeImports(m: PyModule): ImportedName[] {
  const out: ImportedName[] = [];
  for (const stmt of children(m.top)) {
    if (stmt.name !== 'ImportStatement') continue;
    const kids = children(stmt);
    if (kids[0]?.name !== 'from') continue;
    const at = kids.findIndex((k) => k.name === 'import');
    const source = kids.slice(1, at);
    const dots = source.filter((k) => k.name === '.').length;
    const parts = source.filter((k) => k.name === 'VariableName').map((k) => textOf(m, k));
    const leadingDot = source[0]?.name === '.';
    const modulePath = leadingDot && parts.length > 0 ? resolveRelative(m.path, dots - (parts.length - 1), parts) : undefined;
    readImportedNames(m, kids.slice(at + 1), modulePath, out);
  }
  return out;
}

function readImportedNames(m: PyModule, kids: SyntaxNode[], modulePath: string | undefined, out: ImportedName[]): void {
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k?.name === '*') out.push({ modulePath, name: '*', alias: '*', node: k });
    if (k?.name !== 'VariableName') continue;
    const name = textOf(m, k);
    const alias = kids[i + 1]?.name === 'as' ? kids[i + 2] : undefined;
    const aliased = alias?.name === 'VariableName';
    out.push({ modulePath, name, alias: alias && aliased ? textOf(m, alias) : name, node: k });
    if (aliased) i += 2;
  }
}

/** Package-relative module -> file path inside the connector, `dots` = 1 for the importing file's package. */
function resolveRelative(fromPath: string, dots: number, parts: string[]): string | undefined {
  const dir = fromPath.split('/').slice(0, -1);
  const up = dots - 1;
  if (up > dir.length) return undefined;
  const base = dir.slice(0, dir.length - up);
  return [...base, ...parts].join('/') + '.py';
}
