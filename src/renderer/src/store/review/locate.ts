/** Where a finding points in the project: connector-relative paths become project-relative, and a JSON
 * pointer into info.json becomes a line and column of the file's text. */
import { locatePointer } from '../connector/document';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Projects may nest the connector one folder down (connector-<name>/<name>/). */
export const projectPathOf = (connectorRel: string, path: string): string => (connectorRel ? `${connectorRel}/${path}` : path);

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The pointer's node, or its nearest existing ancestor (a finding may name a key that is missing). */
export function positionOfPointer(text: string, pointer: string): Position | null {
  const found = locatePointer(text, pointer);
  return found ? positionAt(text, found.offset) : null;
}
