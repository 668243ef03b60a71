/** The one reader of playbooks/playbooks.json: the rules (state, tags, steps, pointers into the file), the
 * Playbooks tab and the docs (listPlaybooks) all see the same workflows with the same tags. Pure. */
import { PLAYBOOKS_JSON } from './snapshot';
import { jsonErrorPosition } from './text-position';

/** Step types of FortiSOAR's workflow engine that the list names. */
export const STEP_TYPES = {
  manualStart: 'f414d039-bb0d-4e59-9c39-a8f1e880b18a',
  referenceStart: 'b348f017-9a94-471f-87f8-ce88b6a7ad62',
  connector: '0bfed618-0316-11e7-93ae-92361f002671',
} as const;

export interface WorkflowStep {
  readonly name: string;
  readonly stepType: string;
  /** 'start', 'connector' or 'other', from the step type. */
  readonly kind: 'start' | 'connector' | 'other';
  /** The connector operation a connector step runs. */
  readonly operation?: string;
}

export interface WorkflowEntry {
  readonly collection: string;
  readonly name: string;
  readonly description: string;
  /** JSON pointer of the workflow object in the file. */
  readonly pointer: string;
  /** As exported: the rules tell `true` from anything else. */
  readonly isActive: unknown;
  readonly tags: readonly string[];
  readonly steps: readonly WorkflowStep[];
}

export type PlaybooksInfo =
  | { readonly state: 'missing' }
  | { readonly state: 'empty' }
  | { readonly state: 'invalid'; readonly message: string; readonly line?: number; readonly column?: number }
  | { readonly state: 'ok'; readonly workflows: readonly WorkflowEntry[] };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Exports are `{type, data: [collection...]}`; very old ones are a bare list of collections. */
export function collectionsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  return isObject(doc) && Array.isArray(doc.data) ? doc.data : [];
}

export function readPlaybooks(files: Readonly<Record<string, string>>): PlaybooksInfo {
  return parsePlaybooks(files[PLAYBOOKS_JSON]);
}

export function parsePlaybooks(text: string | undefined): PlaybooksInfo {
  if (text === undefined) return { state: 'missing' };
  if (text.trim() === '') return { state: 'empty' };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    return { state: 'invalid', message, ...jsonErrorPosition(text, message) };
  }
  return { state: 'ok', workflows: workflowsOf(doc) };
}

function workflowsOf(doc: unknown): WorkflowEntry[] {
  const base = Array.isArray(doc) ? '' : '/data';
  const out: WorkflowEntry[] = [];
  collectionsOf(doc).forEach((c, ci) => {
    if (!isObject(c) || !Array.isArray(c.workflows)) return;
    c.workflows.forEach((w: unknown, wi) => {
      if (!isObject(w)) return;
      out.push({
        collection: str(c.name),
        name: str(w.name),
        description: str(w.description),
        pointer: `${base}/${ci}/workflows/${wi}`,
        isActive: w.isActive,
        tags: tagsOf(w),
        steps: stepsOf(w.steps),
      });
    });
  });
  return out;
}

/** `recordTags` plus the legacy `tag` string ("#fetch #dataingestion") older exports still carry, trimmed and
 * without repeats. Published exports repeat the legacy tags in recordTags (sekoia-io-xdr), and a tag may hold
 * spaces ("#CICD Utils", "PaloAlto Cortex XDR"), so only '#' separates. Case is kept: some exports tag both
 * 'Kafka' and 'kafka', and the rules compare without case anyway. */
function tagsOf(w: Record<string, unknown>): string[] {
  const record = Array.isArray(w.recordTags) ? w.recordTags.filter((t): t is string => typeof t === 'string') : [];
  const legacy = str(w.tag).split('#');
  return [...new Set([...record, ...legacy].map((t) => t.trim()).filter(Boolean))];
}

function kindOf(stepType: string): WorkflowStep['kind'] {
  if (stepType.endsWith(STEP_TYPES.connector)) return 'connector';
  return stepType.endsWith(STEP_TYPES.manualStart) || stepType.endsWith(STEP_TYPES.referenceStart) ? 'start' : 'other';
}

function stepsOf(v: unknown): WorkflowStep[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((s) => {
    const stepType = str(s.stepType);
    const kind = kindOf(stepType);
    const operation = kind === 'connector' && isObject(s.arguments) ? str(s.arguments.operation) : '';
    return { name: str(s.name), stepType, kind, ...(operation ? { operation } : {}) };
  });
}

/** A bundled playbook as the Playbooks tab and the docs show it. */
export interface PlaybookSummary {
  readonly collection: string;
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly active: boolean;
  readonly steps: readonly PlaybookStep[];
}
export type PlaybookStep = Omit<WorkflowStep, 'stepType'>;

export type PlaybookList =
  | { readonly state: 'missing' | 'empty' }
  | { readonly state: 'invalid'; readonly message: string }
  | { readonly state: 'ok'; readonly playbooks: readonly PlaybookSummary[] };

export function listPlaybooks(text: string | undefined): PlaybookList {
  const info = parsePlaybooks(text);
  if (info.state === 'invalid') return { state: 'invalid', message: info.message };
  if (info.state !== 'ok') return info;
  const playbooks = info.workflows.map(({ collection, name, description, tags, isActive, steps }) => ({
    collection,
    name,
    description,
    tags,
    active: isActive === true,
    steps: steps.map(({ stepType: _, ...step }) => step),
  }));
  return { state: 'ok', playbooks };
}
