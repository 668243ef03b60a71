/** The tests a template ships (issue 17): `resources/templates/<id>/tests/` holds `test_<operation>.py` files and
 * their cassettes and run records, recorded against the mock vendor serving the template's
 * `vendor-api.openapi.json` (scripts/record-template-tests.mjs). A new project carries the tests of the template
 * operations it kept as the template has them, each .py with the project's copyright header, and the helper
 * module they import; nothing else (never a second info.json). */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { WizardAnswers } from '../../../shared/connector/wizard';
import { HEALTH_OPERATION } from '../../../shared/models/cassette';
import { TEST_HELPER_FILE } from '../../../shared/models/connector-tests';
import type { Template } from './templates';

export const TEMPLATE_TESTS_DIR = 'tests';
export const TEMPLATE_DESCRIPTION_FILE = 'vendor-api.openapi.json';
/** The recording name the shipped tests use: `<operation>-template`. */
export const TEMPLATE_RECORDING = 'template';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The template operations whose tests still hold for these answers: an action kept exactly as the template has
 * it (a changed request, parameter or output would make its recording wrong), and the health check while the
 * configuration is the template's. */
export function testedOperations(t: Template, a: WizardAnswers): Set<string> {
  const kept = new Set<string>();
  for (const action of t.actions) {
    const answered = a.actions.find((x) => x.operation === action.operation);
    if (answered && same(answered, action)) kept.add(action.operation);
  }
  if (same(a.configuration, t.configuration)) kept.add(HEALTH_OPERATION);
  return kept;
}

/** A stored test file without any copyright block of the project it was recorded in. */
export function withoutHeader(text: string): string {
  return text.replace(/^"""\r?\nCopyright start[\s\S]*?Copyright end\r?\n"""\r?\n+/, '');
}

/** The project's `tests/` files for the template's shipped tests (empty when it ships none). */
export async function templateTestFiles(t: Template, a: WizardAnswers, header: string, pythonDir: string): Promise<Record<string, string>> {
  const dir = path.join(t.dir, TEMPLATE_TESTS_DIR);
  if (!t.dir || !existsSync(dir)) return {};
  const keep = testedOperations(t, a);
  const files: Record<string, string> = {};
  const py = (text: string) => `${header}\n\n${withoutHeader(text)}`;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const op = /^test_(.+)\.py$/.exec(e.name)?.[1];
    if (e.isFile() && op && keep.has(op)) files[`${TEMPLATE_TESTS_DIR}/${e.name}`] = py(await readFile(path.join(dir, e.name), 'utf8'));
  }
  const cassettes = path.join(dir, 'cassettes');
  if (existsSync(cassettes))
    for (const e of await readdir(cassettes, { withFileTypes: true })) {
      const op = e.name.match(new RegExp(`^(.+)-${TEMPLATE_RECORDING}(?:\\.run)?\\.json$`))?.[1];
      if (e.isFile() && op && keep.has(op)) files[`${TEMPLATE_TESTS_DIR}/cassettes/${e.name}`] = await readFile(path.join(cassettes, e.name), 'utf8');
    }
  if (Object.keys(files).some((f) => f.endsWith('.py'))) files[TEST_HELPER_FILE] = py(await readFile(path.join(pythonDir, 'project_tests', 'connector_studio_helpers.py'), 'utf8'));
  return files;
}
