/** `pyrightFindings` for review: the findings' shape, and the issue's "done means": every template connector
 * and the bundled sample have no pyright findings. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLE_PROJECT, tmpDir } from '../../../../tests/helpers/tmp';
import { projectFiles } from '../connector/scaffold';
import { defaultAnswers, listTemplates, loadTemplate } from '../connector/templates';
import { writeFileAtomic } from '../workspace/atomic-write';
import { pyrightFindings } from './pyright-cli';

const TEMPLATES = path.join(REPO_ROOT, 'resources', 'templates');
const SLOW = 240_000;

/** Two at a time: each run is its own Node process of pyright (~1-3 s). */
async function inPairs<T, R>(items: T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(fn))));
  return out;
}

describe('pyrightFindings', () => {
  it('maps pyright errors to findings with source "pyright", a path in the connector and 1-based positions', async () => {
    const dir = path.join(await tmpDir('cs-pyright-'), 'broken');
    await mkdir(dir);
    const code = ['from connectors.core.connector import get_logger', '', 'logger = get_logger("x", "y")', 'import not_a_real_module_xyz', ''].join('\n');
    await writeFile(path.join(dir, 'operations.py'), code);
    const findings = await pyrightFindings(dir);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'reportCallIssue', source: 'pyright', severity: 'error', path: 'operations.py', line: 3, column: 26, message: 'Expected 1 positional argument' }),
      expect.objectContaining({ rule: 'reportMissingImports', source: 'pyright', severity: 'warning', path: 'operations.py', line: 4, column: 8 }),
    ]);
  }, SLOW);

  it('finds nothing in the bundled sample or in any template connector', async () => {
    const work = await tmpDir('cs-pyright-templates-');
    const dirs = [path.join(SAMPLE_PROJECT, 'sample-threat-intel')];
    for (const { id } of await listTemplates(TEMPLATES)) {
      const t = await loadTemplate(TEMPLATES, id);
      const root = path.join(work, `connector-sample-${id}`);
      for (const [rel, data] of Object.entries(await projectFiles(defaultAnswers(t, `sample-${id}`), TEMPLATES, 2026))) await writeFileAtomic(path.join(root, rel), data);
      dirs.push(path.join(root, `sample-${id}`));
    }
    const results = await inPairs(dirs, async (dir) => (await pyrightFindings(dir)).map((f) => `${path.basename(dir)}/${f.path}:${f.line} ${f.rule} ${f.message}`));
    expect(dirs.length).toBeGreaterThan(5);
    expect(results.flat()).toEqual([]);
  }, SLOW);
});
