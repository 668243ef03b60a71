/** Records a template's shipped tests (scripts/record-template-tests.mjs): a project made from the template with
 * `new`, the mock vendor serving the template's vendor-api.openapi.json, `run --record template` for each action
 * and `health --record template`, `test --new-from` for each recording; the project's tests/ (without the helper
 * module and copyright blocks, which generation adds) go to `<out>/`. The same commands as a user's. */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { WizardAction, WizardField } from '../../shared/connector/wizard';
import { HEALTH_OPERATION } from '../../shared/models/cassette';
import { startMockVendor } from '../services/mock-vendor';
import { TEMPLATE_DESCRIPTION_FILE, TEMPLATE_RECORDING, withoutHeader } from '../services/connector/template-tests';
import { cliIn } from './cli-test-kit';
import { isPasswordField } from '../../shared/connector/secret-fields';

/** Inputs that make each template action succeed against the mock vendor. */
function sampleValue(p: WizardField): unknown {
  if (p.value !== undefined && p.value !== null && p.value !== '') return p.value;
  const options = (p as { options?: unknown[] }).options;
  switch (p.type) {
    case 'integer': return 5;
    case 'checkbox': return true;
    case 'datetime': return '2026-01-01T00:00:00Z';
    case 'json': return [{ name: 'alpha', value: 1 }, { name: 'beta', value: 2 }];
    case 'select': return options?.[0] ?? 'example';
    case 'multiselect': return options?.slice(0, 1) ?? [];
  }
  const n = p.name;
  if (n === 'data') return 'aGVsbG8gd29ybGQ=';
  if (/(^|_)ip$/.test(n)) return '203.0.113.7';
  if (/domain/.test(n)) return 'example.com';
  if (/url/.test(n)) return 'https://example.com/login';
  if (/hash/.test(n)) return 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  if (/email|sender|mailbox|recipient|to$|cc$/.test(n)) return 'user@example.com';
  if (p.type === 'textarea' || n === 'text') return 'Seen 203.0.113.7 calling https://evil.example.com/x and evil.example.com';
  return 'example';
}

export function sampleParams(action: WizardAction): Record<string, unknown> {
  return Object.fromEntries(action.parameters.filter((p) => p.required || p.value !== undefined).map((p) => [p.name, sampleValue(p)]));
}

function sampleConfig(fields: readonly WizardField[], serverUrl: string): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.name === 'server_url' ? serverUrl : f.type === 'checkbox' ? (f.name === 'verify_ssl' ? false : (f.value ?? false)) : isPasswordField(f) ? `mock-${f.name}-value` : (f.value ?? `mock-${f.name}`)]),
  );
}

export interface RecordedTemplate {
  readonly id: string;
  /** The operations with a shipped test (check_health included). */
  readonly operations: string[];
}

/** Records template `id` (from `templatesDir`) into `outDir` (its previous content replaced). */
export async function recordTemplateTests(templatesDir: string, id: string, outDir: string, say: (line: string) => void = () => undefined): Promise<RecordedTemplate> {
  const template = JSON.parse(readFileSync(path.join(templatesDir, id, 'template.json'), 'utf8')) as { http: boolean; actions: WizardAction[]; configuration: WizardField[] };
  const work = await mkdtemp(path.join(os.tmpdir(), `cs-record-${id}-`));
  const cli = cliIn(work);
  const must = async (...argv: string[]) => {
    const r = await cli(...argv);
    if (r.code !== 0) throw new Error(`connector-studio ${argv.join(' ')} failed (${r.code}):\n${r.err}\n${r.out}`);
    return r;
  };
  const description = path.join(templatesDir, id, TEMPLATE_DESCRIPTION_FILE);
  const mock = template.http ? await startMockVendor({ descriptionPath: description }) : undefined;
  try {
    const name = `tpl_${id.replace(/-/g, '_')}`;
    await must('new', name, '--template', id, '--dir', 'ws');
    const project = path.join(work, 'ws', `connector-${name}`);
    const connector = path.join(project, name);
    // The mock's url carries the description's base path; the templates' requests carry their own.
    const server = mock ? new URL(mock.url).origin : 'http://127.0.0.1:9';
    await writeFile(path.join(work, 'config.json'), JSON.stringify(sampleConfig(template.configuration, server)));
    const operations: string[] = [];
    for (const action of template.actions) {
      await writeFile(path.join(work, 'params.json'), JSON.stringify(sampleParams(action)));
      const r = await must('run', connector, action.operation, '--config', 'config.json', '--params', 'params.json', '--record', TEMPLATE_RECORDING, '--json');
      const status = (JSON.parse(r.out) as { status?: string }).status;
      if (status !== 'Success') throw new Error(`${id}: ${action.operation} answered ${status} against the mock vendor: ${r.out.slice(0, 2000)}`);
      operations.push(action.operation);
      say(`${id}: recorded ${action.operation}`);
    }
    if (template.http) {
      await must('health', connector, '--config', 'config.json', '--record', TEMPLATE_RECORDING);
      operations.push(HEALTH_OPERATION);
      say(`${id}: recorded ${HEALTH_OPERATION}`);
    }
    for (const op of operations) await must('test', project, '--new-from', `${op}-${TEMPLATE_RECORDING}`);
    await rm(outDir, { recursive: true, force: true });
    await mkdir(path.join(outDir, 'cassettes'), { recursive: true });
    const tests = path.join(project, 'tests');
    for (const f of await readdir(tests)) if (/^test_.*\.py$/.test(f)) await writeFile(path.join(outDir, f), withoutHeader(await readFile(path.join(tests, f), 'utf8')));
    for (const f of await readdir(path.join(tests, 'cassettes'))) await cp(path.join(tests, 'cassettes', f), path.join(outDir, 'cassettes', f));
    if (!existsSync(path.join(outDir, `test_${operations[0] ?? ''}.py`)) && operations.length) throw new Error(`${id}: no test file was written`);
    return { id, operations };
  } finally {
    await mock?.close();
    await rm(work, { recursive: true, force: true });
  }
}
