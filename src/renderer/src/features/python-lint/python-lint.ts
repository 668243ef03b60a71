import type * as Monaco from 'monaco-editor';
import { analyzePython } from '../../../../shared/connector/security';
import type { MonacoApi } from '../../editor/monaco-loader';
import { ruffMarkers, securityMarkers, type LintMarker } from './markers';
import { loadRuff, type RuffWeb } from './ruff-web';

const OWNER = 'python-lint';
const DELAY_MS = 250;

/** The file's path inside the project, from the registry's model URI (file:///project/<relPath>). */
const relPathOf = (model: Monaco.editor.ITextModel) => model.uri.path.replace(/^\/project\//, '');

function lint(ruff: RuffWeb, model: Monaco.editor.ITextModel): LintMarker[] {
  const text = model.getValue();
  const path = relPathOf(model);
  const lineText = (n: number) => (n >= 1 && n <= model.getLineCount() ? model.getLineContent(n) : '');
  // Code that does not parse gets ruff's syntax error; the security rules would only guess on a broken tree.
  const fromRuff = ruffMarkers(path, ruff.check(text));
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

/** "Format Document" for Python, with ruff's formatter and the project's ruff settings. */
function registerFormatter(m: MonacoApi): void {
  m.languages.registerDocumentFormattingEditProvider('python', {
    displayName: 'ruff',
    provideDocumentFormattingEdits: async (model) => {
      const ruff = await loadRuff();
      const text = model.getValue();
      try {
        const formatted = ruff.format(text);
        return formatted === text ? [] : [{ range: model.getFullModelRange(), text: formatted }];
      } catch {
        // Code that does not parse cannot be formatted; the syntax marker already says why.
        return [];
      }
    },
  });
}

let installed = false;

/** Live ruff and security markers on every Python model, each marker naming its source. */
export function installPythonLint(m: MonacoApi): void {
  if (installed) return;
  installed = true;
  m.editor.getModels().forEach((model) => watch(m, model));
  m.editor.onDidCreateModel((model) => watch(m, model));
  registerFormatter(m);
}
