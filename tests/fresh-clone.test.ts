/** A fresh clone must pass its own tests with nothing beside it (issue 13): no test, bench, script or source file
 * may reach the team's `shared` folder that sits beside some checkouts. Everything they need is copied under
 * tests/fixtures (the corpus with tests/fixtures/corpus/SOURCES.md). .ci/run proves it by testing a clone in an
 * empty temporary folder; this test names the offending line before CI gets there. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from './helpers/source-files';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, FIXTURES_DIR, REPO_ROOT } from './helpers/tmp';

const SCANNED = ['tests', 'src', 'bench', 'scripts'];
const TEXT = new Set(['.ts', '.tsx', '.mjs', '.js', '.cjs', '.json', '.md', '.py', '.txt', '.html', '.css', '.sh', '.yaml', '.yml']);
// This file spells out the forms it refuses, so it cannot scan itself.
const SELF = path.relative(REPO_ROOT, __filename);
// The one `shared` folder a relative path may reach: the app's own pure-TypeScript layer.
const OWN_SHARED = path.join(REPO_ROOT, 'src', 'shared');

interface Hit {
  file: string;
  line: number;
  text: string;
}

/** Lines of `text` (the file `rel`, relative to the repository) that reach a `shared` folder outside src/shared:
 * an absolute path into the team's shared folder, a `..`-relative path that does not resolve into src/shared, or `'..', 'shared'`
 * joined as path segments. */
export function outsideSharedRefs(rel: string, text: string): Hit[] {
  const dir = path.dirname(path.join(REPO_ROOT, rel));
  const hits: Hit[] = [];
  text.split('\n').forEach((line, i) => {
    const absolute = /\/work\/shared\b/.test(line);
    const segments = /['"`]\.\.['"`]\s*,\s*['"`]shared\b/.test(line);
    const relative = [...line.matchAll(/(?:\.\.\/)+shared(?![\w-])/g)].some((m) => {
      const target = path.resolve(dir, m[0]);
      return target !== OWN_SHARED;
    });
    if (absolute || segments || relative) hits.push({ file: rel, line: i + 1, text: line.trim() });
  });
  return hits;
}

const textFiles = (rel: string) => filesUnder(path.join(REPO_ROOT, rel), (name) => TEXT.has(path.extname(name))).map((r) => path.join(rel, r));

describe('the scanner for references outside the repository', () => {
  it('finds each form a reader of the shared folder took', () => {
    // Assembled here so that the repository's own text holds no reference to the folder beside it.
    const SH = ['sha', 'red'].join('');
    const cases: [string, string][] = [
      ['tests/helpers/tmp.ts', `export const SHARED_DIR = path.resolve(REPO_ROOT, '..', '${SH}');`],
      ['tests/calibration/corpus.test.ts', `const CORPUS = path.resolve(__dirname, '../../../${SH}/corpus/connectors');`],
      ['src/renderer/src/store/problems/live.test.ts', `import CORTEX from '../../../../../../${SH}/corpus/connectors/x/info.json?raw';`],
      ['src/main/services/runtime/shim-imports.test.ts', `const REFERENCE = path.resolve(__dirname, '../../../../../${SH}/reference/connector-format.md');`],
      ['bench/lib.mjs', `export const SHARED = path.resolve(ROOT, "..", "${SH}");`],
      ['tests/fixtures/fortisoar-api/README.md', `Written by hand from \`../${SH}/reference/fortisoar-api.md\`.`],
      ['scripts/build.mjs', `const dir = '/work/${SH}/corpus';`],
    ];
    for (const [rel, line] of cases) expect(outsideSharedRefs(rel, `// ok\n${line}\n`), line).toEqual([{ file: rel, line: 2, text: line }]);
  });

  it('lets the app import its own src/shared', () => {
    expect(outsideSharedRefs('src/renderer/src/api/client.ts', "import type { Req } from '../../../shared/ipc/contract';")).toEqual([]);
    expect(outsideSharedRefs('src/main/services/docs/docs.test.ts', "import type { InfoJson } from '../../../shared/connector/info-json';")).toEqual([]);
    expect(outsideSharedRefs('src/main/index.ts', "import { ok } from '../shared/result';")).toEqual([]);
    expect(outsideSharedRefs('src/main/x.ts', "const sharedState = '../shared-cache';")).toEqual([]);
  });
});

describe('a fresh clone', () => {
  it('has no test, source, bench or script file that reads outside the repository', () => {
    const files = SCANNED.flatMap(textFiles).filter((f) => f !== SELF);
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((f) => outsideSharedRefs(f, readFileSync(path.join(REPO_ROOT, f), 'utf8')));
    expect(hits, 'Copy what these lines read into tests/fixtures and point them there (see tests/fixtures/corpus/SOURCES.md)').toEqual([]);
  });

  it('carries the corpus with each connector licence and a SOURCES.md row', () => {
    const connectors = readdirSync(CORPUS_DIR).sort();
    expect(connectors).toHaveLength(22);
    const sources = readFileSync(path.join(FIXTURES_DIR, 'corpus', 'SOURCES.md'), 'utf8');
    for (const name of connectors) {
      expect(readFileSync(path.join(CORPUS_DIR, name, 'LICENSE.upstream'), 'utf8'), name).toMatch(/^MIT License/);
      expect(sources, name).toContain(`| \`${name}\` |`);
    }
  });
});
