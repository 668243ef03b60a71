import js from '@eslint/js';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Folder names say which runtime APIs a file may use (STYLE.md B1); these rules hold the layering
// (docs/ARCHITECTURE.md, "Import rules"). A later block replaces an earlier one's list for the same files, so
// each block names every group that applies to its files.
const forbid = (patterns, message) => ({ group: patterns, message });
const restrict = (...groups) => ({ 'no-restricted-imports': ['error', { patterns: groups }] });

const NO_ELECTRON = forbid(['electron', '**/electron/**'], 'Services are plain Node: Electron reaches them through injected ports.');
const NO_UI = forbid(['**/renderer/**', '**/preload/**'], 'The main process reaches the window only through the typed contract in src/shared.');
const NO_DOORS = forbid(['**/cli/**', '**/server/**', '**/sandbox/**', '**/electron/**'], 'Services never import a door (cli, server, sandbox, electron): a door calls services, not the other way round.');
const DOORS_APART = (self) =>
  forbid(['**/cli/**', '**/server/**', '**/sandbox/**', '**/electron/**'].filter((p) => p !== `**/${self}/**`),
    `A door (${self}) calls services, not another door; what two doors share belongs in a service.`);

// The renderer's own layers: stores hold state and talk to the services; the editor, features, components and
// hooks sit above them. The editor reaches the stores through the EditorHost port (store/editor/host.ts), so a
// store never imports them back. monaco-api.ts is Monaco's type alone.
const RENDERER = './src/renderer/src';
const storesStayBelow = {
  'import-x/no-restricted-paths': ['error', {
    zones: ['editor', 'features', 'components', 'hooks'].map((layer) => ({
      target: `${RENDERER}/store`,
      from: `${RENDERER}/${layer}`,
      ...(layer === 'editor' ? { except: ['./monaco-api.ts'] } : {}),
      message: 'Stores sit below the UI: hand them what they need through a port (store/editor/host.ts) or register it at startup (wire-window.ts).',
    })),
  }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', '.bench-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      // Our imports are relative and extensionless; import-x parses each file it follows with the TS parser.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // A module that needs itself back through its imports sees half-initialised bindings at load time and
      // ties its folders into one knot. Type-only imports are free (erased); dynamic import() counts.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // Mocks of Electron mirror its loosely typed API.
  { files: ['**/__mocks__/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['src/shared/**'], ignores: ['src/shared/**/*.test.ts'], rules: restrict(forbid(['node:*', 'electron', '**/main/**', '**/renderer/**', '**/preload/**'], 'src/shared is pure TypeScript: no Node, Electron, or other layers.')) },
  // Service tests may drive a door (the sandbox as a FortiSOAR, a CLI command) as their counterpart.
  { files: ['src/main/services/**'], rules: restrict(NO_ELECTRON, NO_UI) },
  { files: ['src/main/services/**'], ignores: ['**/*.test.ts'], rules: restrict(NO_ELECTRON, NO_UI, NO_DOORS) },
  // Door tests may start another door as their counterpart; door code may not reach into another door.
  ...['server', 'sandbox'].flatMap((door) => {
    const noElectron = forbid(['electron'], `The ${door === 'server' ? 'browser host' : 'sandbox'} never loads Electron.`);
    return [
      { files: [`src/main/${door}/**`], rules: restrict(noElectron, NO_UI) },
      { files: [`src/main/${door}/**`], ignores: ['**/*.test.ts'], rules: restrict(noElectron, NO_UI, DOORS_APART(door)) },
    ];
  }),
  // The command line launches the other doors (`web` starts the browser host, `sandbox` the sandbox).
  { files: ['src/main/cli/**'], rules: restrict(forbid(['electron'], 'The CLI never loads Electron.'), NO_UI) },
  { files: ['src/main/electron/**'], rules: restrict(NO_UI) },
  // Like the command line, the desktop shell launches the bundled sandbox (Publish's Start Local Sandbox) and hands
  // the services its start function; it reaches no other door.
  { files: ['src/main/electron/**'], ignores: ['**/*.test.ts'], rules: restrict(NO_UI, forbid(['**/cli/**', '**/server/**'], 'A door (electron) calls services, not another door; what two doors share belongs in a service.')) },
  { files: ['src/renderer/**'], rules: restrict(forbid(['node:*', 'electron', '**/main/**', '**/preload/**'], 'The renderer reaches services only through the typed contract in src/shared.')) },
  { files: ['src/renderer/src/store/**'], rules: storesStayBelow },
  { files: ['src/preload/**'], rules: restrict(forbid(['node:*', '**/main/**', '**/renderer/**'], 'The preload may use electron and src/shared only.')) },
  // Promises and unions checked with the types (issue 13): a promise nobody awaits loses its failure, an async
  // callback where a plain one is expected (an event handler) drops its rejection, a switch over a union must name
  // every member. The three projects between them hold every file under src/.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.webtest.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
