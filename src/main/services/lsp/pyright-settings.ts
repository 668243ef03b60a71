/** Where pyright, the stubs and the Python environment are, and the analysis settings the editor and
 * `review` share, so both report the same findings. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TESTS_DIR } from '../../../shared/models/connector-tests';
import { findAppRoot } from '../../app-root';
import { venvPython } from '../runtime/venv-python';
import { detectPython } from '../settings/tool-detect';

const localRequire = createRequire(import.meta.url);

export const pyrightLangserverPath = (): string => localRequire.resolve('pyright/langserver.index.js');
export const pyrightCliPath = (): string => localRequire.resolve('pyright/index.js');

/** resources/python/stubs of the app, found upward from this file whether bundled or not. */
export function defaultStubsDir(): string {
  return path.join(findAppRoot(path.dirname(fileURLToPath(import.meta.url))), 'resources', 'python', 'stubs');
}

/**
 * Severity overrides. The FortiSOAR platform pre-installs requests, arrow, urllib3, six, xmltodict and bs4
 * (reference/connector-format.md), so a library missing from the local environment is not an error in the
 * connector: "stub found but no source" is silent and an unresolved import is a warning.
 */
export const DIAGNOSTIC_OVERRIDES = {
  reportMissingModuleSource: 'none',
  reportMissingImports: 'warning',
} as const;

/** Virtual environments never hold connector code to check. */
export const EXCLUDES = ['**/.venv', '**/venv', '**/__pycache__', '**/node_modules', '**/.git'];

/**
 * The interpreter whose site-packages pyright resolves imports against. Only for a trusted folder may it be the
 * folder's own virtualenv (<connector>/.venv, then <project>/.venv or venv): pyright runs that interpreter to
 * learn its paths, and a package can carry a "python" that is any program. Otherwise, and when the folder has
 * none, an extra folder such as the runtime's venv in the user data folder, else the configured Python resolved
 * to its executable (pyright cannot run a command like `py -3`).
 */
export async function pythonFor(
  connectorDir: string,
  projectRoot: string,
  configured: string,
  extraVenvs: readonly string[] = [],
  opts: { readonly folderVenvs: boolean } = { folderVenvs: false },
): Promise<string | undefined> {
  const own = opts.folderVenvs ? [path.join(connectorDir, '.venv'), path.join(projectRoot, '.venv'), path.join(projectRoot, 'venv')] : [];
  for (const dir of [...own, ...extraVenvs]) if (existsSync(path.join(dir, 'pyvenv.cfg')) && existsSync(venvPython(dir))) return venvPython(dir);
  return configuredPython(configured);
}

const detected = new Map<string, Promise<string | undefined>>();
/** Asking the interpreter where it lives takes a process start (a second or more through pyenv's shims):
 * once per configured command is enough. */
function configuredPython(configured: string): Promise<string | undefined> {
  let found = detected.get(configured);
  if (!found) {
    found = detectPython(configured).then((t) => {
      // Not found is not remembered: the user may install Python while the app runs.
      if (!t.found) detected.delete(configured);
      return t.found ? t.path : undefined;
    });
    detected.set(configured, found);
  }
  return found;
}

/** The project's tests import their helper module by its bare name (`from connector_studio_helpers import ...`,
 * pytest puts tests/ on sys.path): pyright searches the same folder. */
export const projectExtraPaths = (projectRoot: string): string[] => [path.join(projectRoot, TESTS_DIR)];

/** The `python` section pyright asks for with workspace/configuration. */
export function lspSettings(stubsDir: string, pythonPath: string | undefined, extraPaths: readonly string[] = []) {
  return {
    ...(pythonPath ? { pythonPath } : {}),
    analysis: {
      stubPath: stubsDir,
      ...(extraPaths.length ? { extraPaths: [...extraPaths] } : {}),
      typeCheckingMode: 'standard',
      // Every file of a connector is small: checking them all gives the Problems panel every finding.
      diagnosticMode: 'workspace',
      autoSearchPaths: true,
      useLibraryCodeForTypes: true,
      exclude: EXCLUDES,
      diagnosticSeverityOverrides: DIAGNOSTIC_OVERRIDES,
    },
  };
}

/** The same settings as a pyrightconfig.json in `configDir` for the command-line run over one folder
 * (pyright ignores absolute paths in `include`, so they are relative to the config file). */
export function cliConfig(configDir: string, connectorDir: string, stubsDir: string) {
  const rel = path.relative(configDir, connectorDir).split(path.sep).join('/');
  return {
    include: [rel],
    exclude: EXCLUDES.map((g) => `${rel}/${g}`),
    stubPath: stubsDir,
    typeCheckingMode: 'standard',
    useLibraryCodeForTypes: true,
    ...DIAGNOSTIC_OVERRIDES,
  };
}
