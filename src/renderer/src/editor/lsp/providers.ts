/** Monaco's Python providers over the `lsp.*` channels: a thin adapter of our own instead of
 * monaco-languageclient, which pins a Monaco of its own (reference/traps.md). */
import type * as Monaco from 'monaco-editor';
import type { LspCompletionItem, LspLocation, LspRange } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { reportInBackground } from '../../store/app/store';
import type { MonacoApi } from '../monaco-api';
import type { DocSync } from './doc-sync';
import { projectRelPath } from './project-models';
import { usePyrightStore, whenAnalysed } from './pyright-store';
import { stubUri } from './stub-tabs';

type Model = Monaco.editor.ITextModel;

const toMonacoRange = (m: MonacoApi, r: LspRange) => new m.Range(r.startLine, r.startColumn, r.endLine, r.endColumn);

/** The request's position, once the server has the model's latest text; null for models it does not know. */
async function where(sync: DocSync, model: Model, position: Monaco.Position) {
  const relPath = projectRelPath(model);
  const projectId = sync.projectOf(model);
  if (relPath === null || projectId === null) return null;
  await sync.flush(model);
  return { projectId, relPath, line: position.lineNumber, character: position.column };
}

function completionKind(m: MonacoApi, kind: string): Monaco.languages.CompletionItemKind {
  const name = (kind.charAt(0).toUpperCase() + kind.slice(1)) as keyof typeof m.languages.CompletionItemKind;
  return m.languages.CompletionItemKind[name] ?? m.languages.CompletionItemKind.Text;
}

function toSuggestion(m: MonacoApi, item: LspCompletionItem, fallback: Monaco.IRange): Monaco.languages.CompletionItem {
  return {
    label: item.label,
    kind: completionKind(m, item.kind),
    insertText: item.insertText,
    range: item.range ? toMonacoRange(m, item.range) : fallback,
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { value: item.documentation } } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    ...(item.filterText ? { filterText: item.filterText } : {}),
  };
}

function completion(m: MonacoApi, sync: DocSync): Monaco.languages.CompletionItemProvider {
  return {
    triggerCharacters: ['.', '[', '"', "'"],
    provideCompletionItems: async (model, position) => {
      const at = await where(sync, model, position);
      if (!at) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const fallback = new m.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      // The editor asks again on the next keystroke: a failed answer is no completions, and a line in the console.
      const res = (await call('lsp.completion', at).catch(reportInBackground('Python completion'))) ?? { items: [], incomplete: false };
      return { suggestions: res.items.map((i) => toSuggestion(m, i, fallback)), incomplete: res.incomplete };
    },
  };
}

function hover(m: MonacoApi, sync: DocSync): Monaco.languages.HoverProvider {
  return {
    provideHover: async (model, position) => {
      const at = await where(sync, model, position);
      const res = at ? await call('lsp.hover', at).catch(reportInBackground('Python hover')) : null;
      if (!res) return null;
      return { contents: [{ value: res.markdown }], ...(res.range ? { range: toMonacoRange(m, res.range) } : {}) };
    },
  };
}

function toLocation(m: MonacoApi, l: LspLocation): Monaco.languages.Location {
  const uri = l.stub ? stubUri(m, l.relPath, l.text ?? '') : m.Uri.from({ scheme: 'file', path: `/project/${l.relPath}` });
  return { uri, range: new m.Range(l.line, l.character, l.line, l.character) };
}

/** How long F12 on a file pyright has not checked yet waits for it before giving up (its first start takes seconds). */
const FIRST_CHECK_MS = 20_000;

function definition(m: MonacoApi, sync: DocSync): Monaco.languages.DefinitionProvider {
  const ask = async (model: Model, position: Monaco.Position) => {
    const at = await where(sync, model, position);
    return { at, res: (at && (await call('lsp.definition', at).catch(reportInBackground('Go to definition')))) || [] };
  };
  return {
    provideDefinition: async (model, position, token) => {
      const first = await ask(model, position);
      const { at } = first;
      let { res } = first;
      // The first F12 after opening a file reaches pyright before it has read the file's imports and answers
      // nothing; once it has checked the file, the same question has its answer.
      if (at && res.length === 0 && !usePyrightStore.getState().analysed[at.relPath] && (await whenAnalysed(at.relPath, FIRST_CHECK_MS)) && !token.isCancellationRequested)
        ({ res } = await ask(model, position));
      return res.map((l) => toLocation(m, l));
    },
  };
}

function signatureHelp(sync: DocSync): Monaco.languages.SignatureHelpProvider {
  return {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [')'],
    provideSignatureHelp: async (model, position) => {
      const at = await where(sync, model, position);
      const res = at ? await call('lsp.signatureHelp', at).catch(reportInBackground('Python signature help')) : null;
      if (!res) return null;
      const signatures = res.signatures.map((s) => ({
        label: s.label,
        ...(s.documentation ? { documentation: { value: s.documentation } } : {}),
        parameters: s.parameters.map((p) => ({ label: p.label, ...(p.documentation ? { documentation: { value: p.documentation } } : {}) })),
        ...(s.activeParameter !== undefined ? { activeParameter: s.activeParameter } : {}),
      }));
      return { value: { signatures, activeSignature: res.activeSignature, activeParameter: res.activeParameter }, dispose: () => undefined };
    },
  };
}

export function registerPythonProviders(m: MonacoApi, sync: DocSync): Monaco.IDisposable[] {
  return [
    m.languages.registerCompletionItemProvider('python', completion(m, sync)),
    m.languages.registerHoverProvider('python', hover(m, sync)),
    m.languages.registerDefinitionProvider('python', definition(m, sync)),
    m.languages.registerSignatureHelpProvider('python', signatureHelp(sync)),
  ];
}
