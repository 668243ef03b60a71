// Loaded lazily (see monaco-loader.ts) so Home starts without Monaco's 4 MB.
// Only the editor core, its contributions and the languages a connector uses: importing 'monaco-editor'
// would also pull the TypeScript, CSS and HTML language services and their workers.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/xml/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/ini/register';
import 'monaco-editor/languages/definitions/html/register';
import 'monaco-editor/languages/definitions/css/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/sql/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { installPythonLint } from '../features/python-lint/python-lint';
import { installPythonLsp } from './lsp/install';
import { infoJsonSchema } from '../../../shared/connector/info-json.schema';

/**
 * Monaco silently runs language services on the main thread when a worker cannot start (CSP, wrong path),
 * so each worker marks <html data-<label>-worker="running"> once it has answered: tests and bench check it.
 */
function watchWorker(worker: Worker, label: string): Worker {
  const key = `${label.replace(/[^a-z]/gi, '')}Worker`;
  const html = document.documentElement;
  html.dataset[key] = 'starting';
  worker.addEventListener('message', () => void (html.dataset[key] = 'running'), { once: true });
  worker.addEventListener('error', () => void (html.dataset[key] = 'failed'), { once: true });
  return worker;
}

self.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) =>
    label === 'json' ? watchWorker(new JsonWorker(), 'json') : watchWorker(new EditorWorker(), 'editor'),
};

// The rule engine validates info.json (live markers); the schema gives completion and hover docs only, so
// its own checks are off and nothing is reported twice. Syntax errors still come from the JSON worker.
jsonDefaults.setDiagnosticsOptions({
  validate: true, allowComments: false, trailingCommas: 'error', enableSchemaRequest: false, schemaValidation: 'ignore',
  schemas: [{ uri: infoJsonSchema.$id, fileMatch: ['**/info.json'], schema: infoJsonSchema }],
});

// Ruff (WebAssembly) and the security analyzers mark Python as the user types.
installPythonLint(monaco as unknown as Parameters<typeof installPythonLint>[0]);
// pyright (services/lsp): completion, hover, go to definition, signature help and type diagnostics.
installPythonLsp(monaco as unknown as Parameters<typeof installPythonLsp>[0]);

export default monaco;
