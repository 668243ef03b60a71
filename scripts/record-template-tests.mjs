// Re-records the tests each template ships (resources/templates/<id>/tests/) against the mock vendor serving the
// template's vendor-api.openapi.json, with the same CLI commands a user runs (src/main/cli/template-tests-record.ts).
// Run: node scripts/record-template-tests.mjs [template id...]   (default: every template with a vendor-api
// description, and the local ones that need no vendor). Commit the changed tests/ folders.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const templates = path.join(root, 'resources', 'templates');
const jiti = createJiti(import.meta.url);
const { recordTemplateTests } = await jiti.import(path.join(root, 'src', 'main', 'cli', 'template-tests-record.ts'));

const recordable = (id) => {
  const file = path.join(templates, id, 'template.json');
  if (!existsSync(file)) return false;
  const t = JSON.parse(readFileSync(file, 'utf8'));
  return t.http ? existsSync(path.join(templates, id, 'vendor-api.openapi.json')) : t.actions.length > 0;
};
const ids = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(templates).filter((d) => /^[a-z]/.test(d) && recordable(d));
let failed = 0;
for (const id of ids) {
  try {
    const r = await recordTemplateTests(templates, id, path.join(templates, id, 'tests'), (line) => console.log(line));
    console.log(`${id}: ${r.operations.length} tests`);
  } catch (e) {
    failed++;
    console.error(`${id}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
