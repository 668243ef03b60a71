/** Which Monaco models are the project's Python files (the model registry names them
 * file:///project/<relPath>), and the prefix of read-only stub tabs that are not. */
import type * as Monaco from 'monaco-editor';

const PREFIX = '/project/';
/** Stub tabs: `<` and `>` cannot appear in a file name on Windows and hardly ever elsewhere. */
export const STUB_PREFIX = '<stubs>/';

export function projectRelPath(model: Monaco.editor.ITextModel): string | null {
  const p = model.uri.path;
  if (model.uri.scheme !== 'file' || !p.startsWith(PREFIX)) return null;
  const rel = p.slice(PREFIX.length);
  return rel.startsWith(STUB_PREFIX) ? null : rel;
}

export const isProjectPython = (model: Monaco.editor.ITextModel) => model.getLanguageId() === 'python' && projectRelPath(model) !== null;
