import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/** `npm run test:fast`: the unit tests that need no Python, no pyright and no build, for the edit-test loop.
 * `npm test` still runs everything. A test goes in SLOW when it runs a connector or any Python (the runtime
 * worker, an interpreter, a venv, a golden value Python computes), starts pyright or a whole review, builds, or
 * takes seconds of git or services work; found by running the suite with no python3 on PATH and timing each file. */
const SLOW = [
  // Python: connectors run in the simulated runtime.
  'src/main/services/runtime/**',
  'src/main/services/testconfig/**',
  'src/main/sandbox/**',
  'src/main/cli/commands/{cassette-cli,health,publish,review,run}.test.ts',
  'src/main/services/connector/{scaffold,templates}.test.ts',
  'src/main/services/lsp/stubs.test.ts',
  'src/main/services/publish/{hmac,publish-channels,publish-leak}.test.ts',
  'tests/integration/{secret-leak,templates-vendor}.test.ts',
  'tests/corpus-runtime/corpus-fast.test.ts', // real connectors of the runnable corpus in the runtime worker
  'tests/security/{runtime-isolation,secret-encodings,venv-interpreter,archive-venv-git,trust,sandbox-install-modes}.test.ts',
  // pyright, or a whole review (ruff, pyright, dependencies) of an archive.
  'src/main/services/lsp/{lsp-channels,lsp-lifecycle,lsp-service,pyright-cli}.test.ts',
  'src/main/services/review/{review-service,templates-clean}.test.ts',
  'src/main/cli/main.test.ts', // its `review --html` case runs a whole review
  'src/main/services/reviewdesk/**',
  'tests/security/archive-{info-json-size,leftovers,modes}.test.ts',
  // Builds the renderer.
  'src/main/electron/csp.test.ts',
  // Seconds each: real git repositories (many commands per test), or every service at once.
  'src/main/services/git/**',
  'tests/security/git-restricted.test.ts',
  'src/main/services/authoring/authoring-service.test.ts',
];

export default mergeConfig(base, defineConfig({ test: { exclude: [...configDefaults.exclude, ...SLOW] } }));
