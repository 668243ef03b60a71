import type * as Monaco from 'monaco-editor';
import { analyzePython } from '../../../../shared/connector/security';
import { editorInstance } from '../../editor/editor-instance';
import { modelRegistry } from '../../editor/model-registry';
import type { MonacoApi } from '../../editor/monaco-api';
import { reportInBackground } from '../../store/app/store';
import { beforeSave } from '../../store/editor/save-actions';
import { useSettingsStore } from '../../store/settings/store';
import { ruffMarkers, securityMarkers, type LintMarker } from './markers';
import { rememberRuffCheck, ruffFixFor } from './ruff-fix-registry';
import { loadRuff, type RuffWeb } from './ruff-web';

const OWNER = 'python-lint';
const DELAY_MS = 250;

/** The file's path inside the project, from the registry's model URI (file:///project/<relPath>). */
const relPathOf = (model: Monaco.editor.ITextModel) => model.uri.path.replace(/^\/project\//, '');

function lint(ruff: RuffWeb, model: Monaco.editor.ITextModel): LintMarker[] {
  const text = model.getValue();
  const path = relPathOf(model);
  const lineText = (n: number) => (n >= 1 && n <= model.getLineCount() ? model.getLineContent(n) : '');
  const diagnostics = ruff.check(text);
  rememberRuffCheck(model, diagnostics);
  // Code that does not parse gets ruff's syntax error; the security rules would only guess on a broken tree.
  const fromRuff = ruffMarkers(path, diagnostics);
  const broken = fromRuff.some((m) => m.source === 'python');
  return broken ? fromRuff : [...fromRuff, ...securityMarkers(analyzePython(path, text), lineText)];
}

function toMonaco(m: MonacoApi, markers: readonly LintMarker[]): Monaco.editor.IMarkerData[] {
  const severity = { error: m.MarkerSeverity.Error, warning: m.MarkerSeverity.Warning, info: m.MarkerSeverity.Info } as const;
  return markers.map((x) => ({ ...x, severity: severity[x.severity] }));
}

/** Lints one model as the user types: debounced, and only while the model is Python. */
function watch(m: MonacoApi, model: Monaco.editor.ITextModel): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };
  const run = async () => {
    if (model.isDisposed()) return;
    if (model.getLanguageId() !== 'python') return m.editor.setModelMarkers(model, OWNER, []);
    const ruff = await loadRuff();
    if (!model.isDisposed()) m.editor.setModelMarkers(model, OWNER, toMonaco(m, lint(ruff, model)));
  };
  const subs = [model.onDidChangeContent(() => schedule(DELAY_MS)), model.onDidChangeLanguage(() => schedule(0))];
  model.onWillDispose(() => {
    clearTimeout(timer);
    subs.forEach((s) => s.dispose());
  });
  schedule(0);
}

/** ruff's formatting of a Python model as one whole-text edit; none when it is formatted already or does
 * not parse (the syntax marker already says why). */
async function formattingEdits(model: Monaco.editor.ITextModel): Promise<Monaco.languages.TextEdit[]> {
  const ruff = await loadRuff();
  const text = model.getValue();
  try {
    const formatted = ruff.format(text);
    return formatted === text ? [] : [{ range: model.getFullModelRange(), text: formatted }];
  } catch (e) {
    // ruff refuses a file it cannot parse (a syntax error the markers already show): nothing to format.
    reportInBackground('Formatting with ruff')(e);
    return [];
  }
}

/** "Format Document" for Python, with ruff's formatter and the project's ruff settings. */
function registerFormatter(m: MonacoApi): void {
  m.languages.registerDocumentFormattingEditProvider('python', { displayName: 'ruff', provideDocumentFormattingEdits: formattingEdits });
}

/**
 * Formats a Python model with ruff as one undoable edit. In the editor that shows it, through Monaco's own
 * "Format Document" (the same provider; it keeps the cursor and selections); otherwise on the model. False
 * when there was nothing to do: not Python, already formatted, does not parse, or typed into meanwhile.
 */
export async function formatPythonModel(model: Monaco.editor.ITextModel, editor?: Monaco.editor.ICodeEditor | null): Promise<boolean> {
  if (model.isDisposed() || model.getLanguageId() !== 'python') return false;
  const before = model.getAlternativeVersionId();
  const action = editor && editor.getModel() === model && !editor.getRawOptions().readOnly ? editor.getAction('editor.action.formatDocument') : null;
  if (action) {
    await action.run();
    return model.getAlternativeVersionId() !== before;
  }
  const text = model.getValue();
  const edits = await formattingEdits(model);
  if (!edits.length || model.isDisposed() || model.getValue() !== text) return false;
  model.pushStackElement();
  model.pushEditOperations([], edits.map((e) => ({ range: e.range, text: e.text })), () => null);
  model.pushStackElement();
  return true;
}

/** Ctrl+. on a ruff marker: ruff's own fix. */
function registerRuffFixes(m: MonacoApi): void {
  m.languages.registerCodeActionProvider('python', {
    provideCodeActions(model, _range, context) {
      const actions: Monaco.languages.CodeAction[] = [];
      for (const marker of context.markers) {
        const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
        const fix = marker.source === 'ruff' && code ? ruffFixFor(model, code, marker.startLineNumber, marker.startColumn) : undefined;
        if (!fix) continue;
        actions.push({
          title: `Quick fix: ${fix.title}`,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: [marker],
          edit: { edits: fix.edits.map(({ text, ...range }) => ({ resource: model.uri, versionId: model.getVersionId(), textEdit: { range, text } })) },
        });
      }
      return { actions, dispose: () => undefined };
    },
  }, { providedCodeActionKinds: ['quickfix'] });
}

let installed = false;

/** Live ruff and security markers on every Python model, each marker naming its source. */
export function installPythonLint(m: MonacoApi): void {
  if (installed) return;
  installed = true;
  m.editor.getModels().forEach((model) => watch(m, model));
  m.editor.onDidCreateModel((model) => watch(m, model));
  registerFormatter(m);
  registerRuffFixes(m);
  // Format on save (Settings > Editor): Python files are formatted with ruff just before they are written.
  beforeSave.hook = async (relPath) => {
    const model = modelRegistry.get(relPath);
    if (model && useSettingsStore.getState().settings?.formatOnSave) await formatPythonModel(model, editorInstance.get());
  };
}

/** The Format button and command: the file in the editor, when it is Python. */
export async function formatActiveDocument(): Promise<boolean> {
  const editor = editorInstance.get();
  const model = editor?.getModel();
  return model ? formatPythonModel(model, editor) : false;
}
