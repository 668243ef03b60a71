/** Issue 13: every door gets its services from one composition root (src/main/services/headless.ts, which
 * createServices in index.ts builds on), so Settings' git path and interpreter, the trust list and a broken
 * settings file mean the same in the CLI as in the app. A CLI command that builds a service itself, or calls
 * under a service (packs, imports, scaffolds, reads settings.json) fails this test. Services never import a door. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../helpers/source-files';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/tmp';

const SRC = path.join(REPO_ROOT, 'src');
const ROOTS = new Set(['main/services/headless', 'main/services/index', 'main/services']);

/** What a service does for the CLI: calling these directly skips the service's wiring (validation gate, trust). */
const UNDER_A_SERVICE = new Set([
  'packageConnector', 'importArchive', 'createProject', 'publishConnector', 'installRequirements', 'installConnectorVenv',
  'loadTemplate', 'listTemplates', 'defaultAnswers', 'loadStoreNames', 'pythonCandidates', 'setGitTrust',
]);

interface Import {
  readonly names: string[];
  readonly target: string;
}

/** Value imports (not `import type`) of a file, static and dynamic, with the target relative to src/ when it is ours. */
function importsOf(text: string, fileRel: string): Import[] {
  const resolve = (spec: string) => (spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(fileRel), spec)).replace(/\.tsx?$/, '') : spec);
  const found: Import[] = [];
  for (const m of text.matchAll(/\bimport\s+(type\s+)?([\w*\s{},$]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    if (m[1]) continue;
    const names = [...m[2].replace(/[{}]/g, ',').split(',')]
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/)[0].replace(/^\*\s*/, '*'));
    found.push({ names, target: resolve(m[3]) });
  }
  for (const m of text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ names: ['(dynamic import)'], target: resolve(m[1]) });
  return found;
}

/** Why a CLI file breaks the rule, one line each. */
function cliOffences(text: string, fileRel: string): string[] {
  const out: string[] = [];
  for (const { names, target } of importsOf(text, fileRel)) {
    if (!target.startsWith('main/services') || ROOTS.has(target)) continue;
    for (const n of names) {
      if (/^create\w*$/.test(n)) out.push(`builds ${n} from ${target} (take it from the composition root, cli/services.ts)`);
      else if (UNDER_A_SERVICE.has(n)) out.push(`calls ${n} from ${target} directly (use the service method that wraps it)`);
      else if (n === '(dynamic import)') out.push(`loads ${target} itself (the composition root loads services on demand)`);
    }
  }
  if (/['"`][^'"`]*settings\.json['"`]/.test(text)) out.push('reads settings.json itself (use the settings service)');
  return out;
}

const sourceFiles = (dir: string) => filesUnder(dir, (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));

describe('one composition root', () => {
  const at = 'main/cli/commands/x.ts';
  it('recognises a command that wires its own services, and lets the rest through', () => {
    const caught = [
      "import { createGitService } from '../../services/git/git-service';",
      "import { createSettingsService } from '../../services/settings/settings-service';",
      "import {\n  createTrustService,\n  registeredProjectRoots,\n} from '../../services/trust/trust-service';",
      "import { createValidateService as make } from '../../services/validate';",
      "import { packageConnector, throttleProgress } from '../../services/packaging/package';",
      "import { pythonCandidates } from '../../services/settings/tool-detect';",
      "const { createDocsService } = await import('../../services/docs');",
      "const text = readFileSync(path.join(dir, 'settings.json'), 'utf8');",
    ];
    for (const text of caught) expect(cliOffences(text, at), text).not.toEqual([]);
    const fine = [
      "import { withServices } from '../services';",
      "import { createHeadlessServices, type HeadlessServices } from '../../services/headless';",
      "import { createServices } from '../../services';",
      "import type { AuthoringService } from '../../services/authoring/authoring-service';",
      "import { throttleProgress } from '../../services/packaging/package';",
      "import { renderReviewHtml, type ReviewReport } from '../../services/review';",
      "import { createHash } from 'node:crypto';",
      "import { startSandbox } from '../../sandbox/server';",
    ];
    for (const text of fine) expect(cliOffences(text, at), text).toEqual([]);
  });

  it('every CLI command gets its services from the composition root', () => {
    const files = sourceFiles(path.join(SRC, 'main', 'cli')).map((r) => `main/cli/${r}`);
    expect(files.length).toBeGreaterThan(15);
    const found = files.flatMap((rel) => cliOffences(readFileSync(path.join(SRC, rel), 'utf8'), rel).map((o) => `src/${rel}: ${o}`));
    expect(found).toEqual([]);
  });

  it('the CLI commands do reach the root (the scan reads real files)', () => {
    const services = readFileSync(path.join(SRC, 'main', 'cli', 'services.ts'), 'utf8');
    expect(importsOf(services, 'main/cli/services.ts')).toContainEqual({ names: ['createHeadlessServices'], target: 'main/services/headless' });
    const index = readFileSync(path.join(SRC, 'main', 'services', 'index.ts'), 'utf8');
    expect(importsOf(index, 'main/services/index.ts').some((i) => i.target === 'main/services/headless' && i.names.includes('createHeadlessServices'))).toBe(true);
  });

  it('no service imports a door (cli, server, electron, sandbox)', () => {
    const files = sourceFiles(path.join(SRC, 'main', 'services')).map((r) => `main/services/${r}`);
    const doors = /^main\/(cli|server|electron|sandbox)\//;
    const found = files.flatMap((rel) =>
      importsOf(readFileSync(path.join(SRC, rel), 'utf8'), rel)
        .filter((i) => doors.test(i.target))
        .map((i) => `src/${rel} imports ${i.target}`),
    );
    expect(found).toEqual([]);
  });
});
