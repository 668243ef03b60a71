import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Folder names say which runtime APIs a file may use (STYLE.md B1); these rules hold the layering.
const restrict = (patterns, message) => ({ 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', '.bench-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Mocks of Electron mirror its loosely typed API.
  { files: ['**/__mocks__/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['src/shared/**'], ignores: ['src/shared/**/*.test.ts'], rules: restrict(['node:*', 'electron', '**/main/**', '**/renderer/**', '**/preload/**'], 'src/shared is pure TypeScript: no Node, Electron, or other layers.') },
  { files: ['src/main/services/**'], rules: restrict(['electron', '**/renderer/**', '**/electron/**'], 'Services are plain Node: Electron reaches them through injected ports.') },
  { files: ['src/main/server/**', 'src/main/cli/**'], rules: restrict(['electron', '**/renderer/**'], 'The browser host and the CLI never load Electron.') },
  { files: ['src/renderer/**'], rules: restrict(['node:*', 'electron', '**/main/**', '**/preload/**'], 'The renderer reaches services only through the typed contract in src/shared.') },
  { files: ['src/preload/**'], rules: restrict(['node:*', '**/main/**', '**/renderer/**'], 'The preload may use electron and src/shared only.') },
);
