/** The "done means": the review of every template connector is clean: no ruff, syntax or security
 * findings, and the whole report (validation, pyright, dependencies, documentation, icons, playbooks) has no
 * error, warning or info. Created for submission to Fortinet and reviewed with the certification profile, the
 * verdict is "Ready to certify"; the partner's own project is clean too, but only "No problems found": the CI
 * would fail its copyright blocks (issue 15). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
import { writeFileAtomic } from '../workspace/atomic-write';
import { renderPython } from '../connector/python-gen';
import { projectFiles } from '../connector/scaffold';
import { defaultAnswers, listTemplates, loadTemplate } from '../connector/templates';
import { analyzeFiles } from '../../../shared/connector/security';
import { lintPython } from './ruff-node';
import { createReviewService } from './review-service';

const TEMPLATES = path.join(REPO_ROOT, 'resources', 'templates');
const present = existsSync(TEMPLATES);

describe.runIf(present)('template connectors', () => {
  it('generate Python with no ruff, syntax or security findings', async () => {
    const problems: string[] = [];
    for (const { id } of await listTemplates(TEMPLATES)) {
      const t = await loadTemplate(TEMPLATES, id);
      const files = await renderPython(t, defaultAnswers(t, `probe-${id}`), 2026);
      for (const f of [...lintPython(files), ...analyzeFiles(files)]) problems.push(`${id}: ${f.path}:${f.line} ${f.rule} ${f.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('review "Ready to certify" with certification, with no errors, warnings or infos once scaffolded to disk', async () => {
    const work = await tmpDir('templates-review-');
    const review = createReviewService();
    const problems: string[] = [];
    const verdicts: Record<string, string> = {};
    for (const { id } of await listTemplates(TEMPLATES)) {
      const t = await loadTemplate(TEMPLATES, id);
      const year = new Date().getFullYear();
      const files = await projectFiles(defaultAnswers(t, `sample-${id}`, { publishTarget: 'fortinet', publisher: 'Acme Security' }), TEMPLATES, year);
      const root = path.join(work, `connector-sample-${id}`);
      for (const [rel, data] of Object.entries(files)) await writeFileAtomic(path.join(root, rel), data);
      const r = await review.review(root, { certification: true });
      const flagged = r.sections.filter((s) => s.id === 'python' || s.id === 'security').flatMap((s) => s.findings);
      expect(flagged, id).toEqual([]);
      // New projects carry no tests yet: the Tests section's infos say so, and are no problem of the template.
      problems.push(...r.findings.filter((f) => f.rule !== 'operation-without-test').map((f) => `${id}: ${f.severity} ${f.source} ${f.rule} ${f.path}:${f.line ?? f.pointer ?? ''} ${f.message}`));
      verdicts[id] = r.verdict;
    }
    expect(problems).toEqual([]);
    expect(Object.keys(verdicts).length).toBeGreaterThan(5);
    expect(new Set(Object.values(verdicts))).toEqual(new Set(['Ready to certify']));
  }, 120_000);

  it('the partner\'s own project reviews clean, yet the verdict does not promise certification', async () => {
    const t = await loadTemplate(TEMPLATES, 'threat-intelligence');
    const root = path.join(await tmpDir('templates-own-'), 'connector-own-intel');
    for (const [rel, data] of Object.entries(await projectFiles(defaultAnswers(t, 'own-intel'), TEMPLATES, 2026))) await writeFileAtomic(path.join(root, rel), data);
    const review = createReviewService();
    const plain = await review.review(root);
    // Infos only from the Tests section: operations the template ships no test for.
    expect(plain.findings.filter((f) => f.rule !== 'operation-without-test')).toEqual([]);
    expect(plain.summary.errors + plain.summary.warnings).toBe(0);
    expect(plain.verdict).toBe('No problems found');
    const checked = await review.review(root, { certification: true, year: 2026 });
    // The CI wants its copyright block in every .py of the repository (the connector's and the tests'): only that fails.
    expect(checked.verdict).toMatch(/^Needs changes: \d+ errors$/);
    expect(new Set(checked.findings.filter((f) => f.severity === 'error').map((f) => f.rule))).toEqual(new Set(['cert-copyright-block']));
  }, 60_000);
});
