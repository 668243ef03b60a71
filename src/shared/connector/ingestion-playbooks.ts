/** Reading a connector's data-ingestion playbooks (issue 19) from playbooks.json, as the server's Data Ingestion
 * wizard finds them: tagged `dataingestion` and `<connector name>`, with the role tags `fetch`, `ingest`, `create`;
 * the field mapping is the "Create Record" step's `resource`. Pure: the ingestion service, the Ingestion view and
 * the validation rules share it. */
import type { FieldMapping, FieldMappingRow, IngestionInfo } from '../models/ingestion';

export interface PlaybookStep {
  readonly name?: string;
  readonly stepType?: string;
  readonly uuid?: string;
  readonly arguments?: Record<string, unknown>;
}

export interface PlaybookWorkflow {
  readonly name?: string;
  readonly uuid?: string;
  readonly recordTags?: string[];
  readonly steps?: PlaybookStep[];
  readonly triggerStep?: string;
}

/** The step types whose uuid the interpreter knows (resources/python/playbook_interpreter.py STEP_TYPES). */
export const STEP_TYPE_NAMES: Readonly<Record<string, string>> = {
  'b348f017-9a94-471f-87f8-ce88b6a7ad62': 'Start',
  'f414d039-bb0d-4e59-9c39-a8f1e880b18a': 'Start',
  'ea155646-3821-4542-9702-b246da430a8d': 'Start',
  '04d0cf46-b6a8-42c4-8683-60a7eaa69e8f': 'Set Variable',
  '0bfed618-0316-11e7-93ae-92361f002671': 'Connector',
  '0109f35d-090b-4a2b-bd8a-94cbc3508562': 'Utilities',
  '12254cf5-5db7-4b1a-8cb1-3af081924b28': 'Decision',
  '7b221880-716b-4726-a2ca-5e568d330b3e': 'Create Record',
  '2597053c-e718-44b4-8394-4d40fe26d357': 'Create Record',
  '74932bdc-b8b6-4d24-88c4-1a4dfbc524f3': 'Reference a Playbook',
};

export const stepTypeName = (step: PlaybookStep): string | undefined => STEP_TYPE_NAMES[String(step.stepType ?? '').split('/').pop() ?? ''];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every workflow of a playbooks.json document. */
export function workflowsOf(doc: unknown): PlaybookWorkflow[] {
  if (!isObject(doc) || !Array.isArray(doc.data)) return [];
  const out: PlaybookWorkflow[] = [];
  for (const c of doc.data) if (isObject(c) && Array.isArray(c.workflows)) for (const w of c.workflows) if (isObject(w)) out.push(w as PlaybookWorkflow);
  return out;
}

export const tagsOf = (w: PlaybookWorkflow): string[] => (Array.isArray(w.recordTags) ? w.recordTags.filter((t): t is string => typeof t === 'string') : []);

/** The ingestion playbooks by role: a playbook tagged both fetch and create is the fetch one (taxii2, anomali). */
export function ingestionPlaybooks(doc: unknown): { fetch?: PlaybookWorkflow; ingest?: PlaybookWorkflow; create?: PlaybookWorkflow } {
  const tagged = workflowsOf(doc).filter((w) => tagsOf(w).includes('dataingestion'));
  const role = (r: string) => tagged.filter((w) => tagsOf(w).includes(r));
  const fetch = [...role('fetch')].sort((a, b) => Number(tagsOf(a).includes('ingest')) - Number(tagsOf(b).includes('ingest')))[0];
  return { fetch, ingest: role('ingest')[0], create: role('create')[0] };
}

export function ingestionInfo(info: unknown, doc: unknown): IngestionInfo {
  const i = isObject(info) ? info : {};
  const modes = Array.isArray(i.ingestion_modes) ? i.ingestion_modes.filter((m): m is string => typeof m === 'string') : [];
  const p = ingestionPlaybooks(doc);
  return { supported: i.ingestion_supported === true, modes, fetchPlaybook: p.fetch?.name, ingestPlaybook: p.ingest?.name, createPlaybook: p.create?.name };
}

const createSteps = (w: PlaybookWorkflow) => (w.steps ?? []).filter((s) => stepTypeName(s) === 'Create Record');

/** The fields of `vars.item` an expression reads: `vars.item.x`, `vars.item['x']`, `vars.item["x"]`. */
export function itemFieldsOf(expression: string): string[] {
  const found = new Set<string>();
  for (const m of expression.matchAll(/vars\.item(?:\.([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)) {
    const field = m[1] ?? m[2];
    if (field && !['get', 'keys', 'items', 'values'].includes(field)) found.add(field);
  }
  return [...found];
}

const moduleOf = (collection: string): string | undefined => /^\/api\/(?:3\/(?:upsert\/)?|ingest-feeds\/)([a-z][a-z0-9_]*)\/?$/.exec(collection)?.[1];

/** The wizard's field mapping: the Create Record step of the create (else ingest, else fetch) playbook. */
export function fieldMapping(doc: unknown, sample?: unknown): FieldMapping {
  const p = ingestionPlaybooks(doc);
  const holder = [p.create, p.ingest, p.fetch].find((w) => w && createSteps(w).length > 0);
  const step = holder ? createSteps(holder)[0] : undefined;
  const resource = step && isObject(step.arguments?.resource) ? (step.arguments.resource as Record<string, unknown>) : {};
  const rows: FieldMappingRow[] = Object.entries(resource)
    .filter(([field]) => !field.startsWith('__'))
    .map(([field, value]) => {
      const expression = typeof value === 'string' ? value : JSON.stringify(value);
      return { field, expression, sourceFields: itemFieldsOf(expression) };
    });
  const mapped = new Set(rows.flatMap((r) => r.sourceFields));
  // `vars.item | toJSON` keeps the whole record (sourcedata): every field is kept, but none is mapped by it.
  const sampleFields = new Set<string>();
  for (const record of Array.isArray(sample) ? sample : []) if (isObject(record)) for (const k of Object.keys(record)) sampleFields.add(k);
  const collection = typeof step?.arguments?.collection === 'string' ? step.arguments.collection : undefined;
  return {
    playbook: holder?.name,
    step: step?.name,
    collection,
    module: collection ? moduleOf(collection) : undefined,
    rows,
    unmappedSourceFields: [...sampleFields].filter((f) => !mapped.has(f)).sort(),
  };
}
