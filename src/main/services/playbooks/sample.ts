/** One sample playbook per action in FortiSOAR's export format (as in the published connectors' bundled
 * collections): a manual Start step on alerts, then the connector step with the action's parameters. Pure;
 * ids come from an injected generator so tests are deterministic. */
import type { Field, InfoJson, Operation } from '../../../shared/connector/info-json';
import { STEP_TYPES } from '../../../shared/connector/playbooks';

export type NewId = () => string;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const stepIri = (id: string) => `/api/3/workflow_steps/${id}`;

export const labelOf = (info: InfoJson): string => str(info.label) || str(info.name);

/** The tags the certification inspector wants on every bundled playbook. */
export const sampleTags = (info: InfoJson): string[] => [str(info.name)].filter(Boolean);

export function collectionName(info: InfoJson): string {
  return `Sample - ${labelOf(info)} - ${str(info.version)}`;
}

export function sampleCollection(info: InfoJson, id: string): Record<string, unknown> {
  const label = labelOf(info);
  return {
    '@type': 'WorkflowCollection',
    uuid: id,
    name: collectionName(info),
    description: `Sample playbooks for "${label}" connector. If you are planning to use any of the sample playbooks in your environment, ensure that you clone those playbooks and move them to a different collection, since the sample playbook collection gets deleted during connector upgrade and delete.`,
    visible: true,
    image: null,
    recordTags: sampleTags(info),
    workflows: [],
  };
}

/** What a field contributes to the step's params: its default (or an empty value of its type), and the
 * fields of the onchange branch its default opens. */
function addParams(fields: unknown, into: Record<string, unknown>): void {
  if (!Array.isArray(fields)) return;
  for (const raw of fields) {
    if (!isObject(raw) || raw.type === 'label' || typeof raw.name !== 'string' || raw.name === '') continue;
    const f = raw as Field;
    const value = f.value !== undefined && f.value !== null ? f.value : f.type === 'checkbox' ? false : '';
    into[raw.name] = value;
    if (!isObject(f.onchange)) continue;
    const branch = f.onchange[typeof value === 'string' ? value : JSON.stringify(value)];
    addParams(branch, into);
  }
}

export function stepParams(op: Operation): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  addParams(op.parameters, params);
  return params;
}

function startStep(info: InfoJson, op: Operation, id: NewId, startId: string): Record<string, unknown> {
  return {
    '@type': 'WorkflowStep',
    uuid: startId,
    name: 'Start',
    description: null,
    status: null,
    arguments: {
      route: id(),
      title: `${labelOf(info)}: ${str(op.title)}`,
      resources: ['alerts'],
      inputVariables: [],
      step_variables: { input: { records: '{{vars.input.records[0]}}' } },
      singleRecordExecution: false,
      noRecordExecution: true,
      executeButtonText: 'Execute',
    },
    left: '20',
    top: '20',
    stepType: `/api/3/workflow_step_types/${STEP_TYPES.manualStart}`,
  };
}

function connectorStep(info: InfoJson, op: Operation, stepId: string): Record<string, unknown> {
  return {
    '@type': 'WorkflowStep',
    uuid: stepId,
    name: str(op.title),
    description: null,
    status: null,
    arguments: {
      name: labelOf(info),
      config: "''",
      params: stepParams(op),
      version: str(info.version),
      connector: str(info.name),
      operation: str(op.operation),
      operationTitle: str(op.title),
      step_variables: { output_data: '{{vars.result}}' },
    },
    left: '188',
    top: '120',
    stepType: `/api/3/workflow_step_types/${STEP_TYPES.connector}`,
  };
}

/** An inactive, tagged playbook named after the action that runs it with its default parameters. */
export function samplePlaybook(info: InfoJson, op: Operation, collectionId: string, id: NewId): Record<string, unknown> {
  const startId = id();
  const stepId = id();
  return {
    '@type': 'Workflow',
    uuid: id(),
    collection: `/api/3/workflow_collections/${collectionId}`,
    triggerLimit: null,
    description: str(op.description),
    name: str(op.title),
    tag: `#${labelOf(info)}`,
    recordTags: sampleTags(info),
    isActive: false,
    debug: false,
    singleRecordExecution: false,
    parameters: [],
    synchronous: false,
    triggerStep: stepIri(startId),
    steps: [startStep(info, op, id, startId), connectorStep(info, op, stepId)],
    routes: [
      { '@type': 'WorkflowRoute', uuid: id(), label: null, isExecuted: false, name: `Start-> ${str(op.title)}`, sourceStep: stepIri(startId), targetStep: stepIri(stepId) },
    ],
  };
}
