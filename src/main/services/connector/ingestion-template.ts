/** A template's data ingestion (issue 19): a template folder with `ingestion.json` ships fetch and ingest playbooks
 * that the Data Ingestion wizard uses, and info.json declares `ingestion_supported` and `ingestion_modes`.
 *
 * The playbooks follow the corpus's convention (sekoia-io-xdr): "> <Label> > Fetch" (tags dataingestion, fetch)
 * reads the last pull time from a global variable, asks the vendor for what came since (in sample-data mode: the
 * last `lookBackMinutes`) and returns `vars.result.data`; "> <Label> > Ingest" (dataingestion, ingest, create)
 * references it, upserts the records into `/api/3/upsert/<module>` through its "Create Record" step and saves the
 * pull time. Built here rather than templated: their Jinja2 `{{ }}` would clash with the template placeholders. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { WizardAnswers } from '../../../shared/connector/wizard';
import { readTemplateFileIfAny, type Template } from './templates';

export interface IngestionTemplate {
  readonly modes: string[];
  /** The action that lists records since a time. */
  readonly operation: string;
  /** Its parameter taking the start time. */
  readonly sinceParameter: string;
  /** The field of its result holding the list. */
  readonly resultField: string;
  readonly module: string;
  readonly lookBackMinutes: number;
  readonly resource: Record<string, string>;
  readonly severityMap?: Record<string, string>;
}

const STEP = {
  start: 'b348f017-9a94-471f-87f8-ce88b6a7ad62',
  setVariable: '04d0cf46-b6a8-42c4-8683-60a7eaa69e8f',
  connector: '0bfed618-0316-11e7-93ae-92361f002671',
  utilities: '0109f35d-090b-4a2b-bd8a-94cbc3508562',
  createRecord: '2597053c-e718-44b4-8394-4d40fe26d357',
  reference: '74932bdc-b8b6-4d24-88c4-1a4dfbc524f3',
};

/** Stable uuids per connector and step: regenerating the project gives the same file. */
function uuidOf(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface StepSpec {
  readonly name: string;
  readonly type: string;
  readonly arguments: Record<string, unknown>;
}

function workflow(a: WizardAnswers, collection: string, name: string, description: string, tags: string[], steps: StepSpec[]) {
  const wf = uuidOf(a.name, name);
  const id = (s: StepSpec) => uuidOf(a.name, name, s.name);
  const iri = (s: StepSpec) => `/api/3/workflow_steps/${id(s)}`;
  return {
    '@type': 'Workflow',
    name,
    aliasName: null,
    tag: null,
    description,
    isActive: false,
    debug: false,
    singleRecordExecution: false,
    remoteExecutableFlag: false,
    parameters: [],
    synchronous: false,
    collection,
    versions: [],
    triggerStep: iri(steps[0]!),
    steps: steps.map((s, i) => ({ '@type': 'WorkflowStep', name: s.name, description: null, arguments: s.arguments, status: null, top: String(30 + i * 100), left: '300', stepType: `/api/3/workflow_step_types/${s.type}`, group: null, uuid: id(s) })),
    routes: steps.slice(1).map((s, i) => ({ '@type': 'WorkflowRoute', name: `${steps[i]!.name} -> ${s.name}`, targetStep: iri(s), sourceStep: iri(steps[i]!), label: null, isExecuted: false, group: null, uuid: uuidOf(a.name, name, 'route', String(i)) })),
    groups: [],
    priority: null,
    uuid: wf,
    owners: [],
    isPrivate: false,
    deletedAt: null,
    recordTags: tags,
  };
}

/** The playbooks.json text of a template with ingestion. */
export function ingestionPlaybooksText(a: WizardAnswers, ing: IngestionTemplate): string {
  const label = a.label.trim();
  const collectionId = uuidOf(a.name, 'collection');
  const collection = `/api/3/workflow_collections/${collectionId}`;
  const macro = `${label.replace(/[^A-Za-z0-9]/g, '')}LastPullTime_{{vars['audit_info']['cyops_playbook_iri'].split('/')[-1].replace('-','_')}}`;
  const fetchName = `> ${label} > Fetch`;
  const fetch = workflow(a, collection, fetchName, `Fetches ${ing.module} from ${label} created since the last pull (the last ${ing.lookBackMinutes} minutes the first time, and for the Data Ingestion wizard's sample data).`, [a.name, 'dataingestion', 'fetch'], [
    {
      name: 'Start',
      type: STEP.start,
      arguments: {
        step_variables: {
          input: { params: [] },
          _configuration_schema: JSON.stringify([{ title: 'Pull Alerts Created In Last X Minutes', name: 'pull_minutes', type: 'integer', tooltip: 'The first pull, and the sample data, look back this many minutes.', required: true, editable: true, visible: true, value: ing.lookBackMinutes }], null, 2),
        },
      },
    },
    { name: 'Configuration', type: STEP.setVariable, arguments: { pull_minutes: String(ing.lookBackMinutes), macro_name: macro } },
    { name: 'Get Last Pull Time', type: STEP.utilities, arguments: { connector: 'cyops_utilities', operation: 'make_cyops_request', operationTitle: 'FSR: Make FortiSOAR API Call', version: '3.2.4', params: { iri: '/api/wf/api/dynamic-variable/?format=json&name={{vars.macro_name}}', method: 'GET', body: '' }, step_variables: [] } },
    {
      name: 'Set Time Window',
      type: STEP.setVariable,
      arguments: {
        current_time: "{{ arrow.utcnow().format('YYYY-MM-DDTHH:mm:ss') }}Z",
        since: "{% if vars.steps.Get_Last_Pull_Time.data['hydra:member'] | length > 0 and not vars.request.env_setup %}{{ vars.steps.Get_Last_Pull_Time.data['hydra:member'][0].value }}{% else %}{{ arrow.utcnow().shift(minutes=-(vars.pull_minutes | int)).format('YYYY-MM-DDTHH:mm:ss') }}Z{% endif %}",
      },
    },
    {
      name: 'Fetch Records',
      type: STEP.connector,
      arguments: { name: label, config: '', connector: a.name, operation: ing.operation, operationTitle: ing.operation, version: a.version, pickFromTenant: false, params: { [ing.sinceParameter]: '{{vars.since}}' }, step_variables: [] },
    },
    { name: 'Return Results', type: STEP.setVariable, arguments: { data: `{{ vars.steps.Fetch_Records.data.${ing.resultField} }}`, current_time: '{{vars.current_time}}', macro_name: '{{vars.macro_name}}' } },
  ]);
  const ingest = workflow(a, collection, `> ${label} > Ingest`, `Creates or updates FortiSOAR ${ing.module} from what "${fetchName}" returns, and remembers the pull time. The Data Ingestion wizard schedules it.`, [a.name, 'dataingestion', 'ingest', 'create'], [
    { name: 'Start', type: STEP.start, arguments: { step_variables: { input: { params: [] } } } },
    { name: 'Fetch', type: STEP.reference, arguments: { arguments: [], apply_async: false, step_variables: [], pass_parent_env: false, pass_input_record: false, workflowReference: `/api/3/workflows/${fetch.uuid}` } },
    {
      name: 'Configuration',
      type: STEP.setVariable,
      arguments: {
        records: '{{ vars.steps.Fetch.data }}',
        severity_map: `{${Object.keys(ing.severityMap ?? {}).map((k) => `'${k}': {{'Severity' | picklist('${ing.severityMap![k]}') }}`).join(', ')}}`,
      },
    },
    {
      name: 'Create Record',
      type: STEP.createRecord,
      arguments: {
        when: '{{ vars.records | length > 0 }}',
        for_each: { item: '{{vars.records}}', __bulk: true, parallel: false, condition: '', batch_size: 100 },
        resource: { ...ing.resource, source: label, __replace: 'true' },
        _showJson: false,
        operation: 'Overwrite',
        collection: `/api/3/upsert/${ing.module}`,
        __recommend: [],
        fieldOperation: { recordTags: 'Overwrite' },
        step_variables: [],
      },
    },
    { name: 'Update Last Pull Time', type: STEP.utilities, arguments: { connector: 'cyops_utilities', operation: 'updatemacro', operationTitle: 'FSR: Update Global Variables', version: '3.2.4', params: { macro: '{{vars.steps.Fetch.macro_name}}', value: '{{vars.steps.Fetch.current_time}}' }, step_variables: [] } },
  ]);
  const doc = {
    type: 'workflow_collections',
    data: [{ '@context': '/api/3/contexts/WorkflowCollection', '@type': 'WorkflowCollection', name: `Sample - ${label} - ${a.version}`, description: `Data ingestion playbooks of ${label}.`, visible: true, image: null, recordTags: [a.name], workflows: [fetch, ingest], uuid: collectionId }],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Adds the ingestion playbooks and info.json's ingestion keys when the template has `ingestion.json`. */
export async function addIngestion(files: Record<string, string | Uint8Array>, t: Template, a: WizardAnswers): Promise<void> {
  const text = await readTemplateFileIfAny(t, 'ingestion.json');
  if (text === undefined) return;
  const ing = JSON.parse(text) as IngestionTemplate;
  const c = (rel: string) => path.posix.join(a.name, rel);
  const info = JSON.parse(String(files[c('info.json')])) as Record<string, unknown>;
  info.ingestion_supported = true;
  info.ingestion_modes = ing.modes;
  files[c('info.json')] = JSON.stringify(info, null, 2) + '\n';
  files[c('playbooks/playbooks.json')] = ingestionPlaybooksText(a, ing);
}
