/** The bundled playbooks of playbooks/playbooks.json as the Playbooks tab and the docs show them. Pure. */

/** Step types of FortiSOAR's workflow engine that the list names. */
export const STEP_TYPES = {
  manualStart: 'f414d039-bb0d-4e59-9c39-a8f1e880b18a',
  referenceStart: 'b348f017-9a94-471f-87f8-ce88b6a7ad62',
  connector: '0bfed618-0316-11e7-93ae-92361f002671',
} as const;

export interface PlaybookStep {
  readonly name: string;
  /** 'start', 'connector' or 'other', from the step type. */
  readonly kind: 'start' | 'connector' | 'other';
  /** The connector operation a connector step runs. */
  readonly operation?: string;
}

export interface PlaybookSummary {
  readonly collection: string;
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly active: boolean;
  readonly steps: readonly PlaybookStep[];
}

export type PlaybookList =
  | { readonly state: 'missing' | 'empty' }
  | { readonly state: 'invalid'; readonly message: string }
  | { readonly state: 'ok'; readonly playbooks: readonly PlaybookSummary[] };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Exports are `{type, data: [collection...]}`; very old ones are a bare list of collections. */
export function collectionsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  return isObject(doc) && Array.isArray(doc.data) ? doc.data : [];
}

function kindOf(stepType: string): PlaybookStep['kind'] {
  if (stepType.endsWith(STEP_TYPES.connector)) return 'connector';
  return stepType.endsWith(STEP_TYPES.manualStart) || stepType.endsWith(STEP_TYPES.referenceStart) ? 'start' : 'other';
}

function stepsOf(v: unknown): PlaybookStep[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((s) => {
    const kind = kindOf(str(s.stepType));
    const operation = kind === 'connector' && isObject(s.arguments) ? str(s.arguments.operation) : '';
    return { name: str(s.name), kind, ...(operation ? { operation } : {}) };
  });
}

/** `recordTags` plus the legacy `tag` string ("#a #b"), without duplicates. */
function tagsOf(w: Record<string, unknown>): string[] {
  const tags = Array.isArray(w.recordTags) ? w.recordTags.filter((t): t is string => typeof t === 'string') : [];
  const legacy = str(w.tag).split('#').map((t) => t.trim()).filter(Boolean);
  return [...new Set([...tags, ...legacy])];
}

export function listPlaybooks(text: string | undefined): PlaybookList {
  if (text === undefined) return { state: 'missing' };
  if (text.trim() === '') return { state: 'empty' };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { state: 'invalid', message: (e as Error).message };
  }
  const playbooks: PlaybookSummary[] = [];
  for (const c of collectionsOf(doc).filter(isObject)) {
    const workflows = Array.isArray(c.workflows) ? c.workflows.filter(isObject) : [];
    for (const w of workflows)
      playbooks.push({ collection: str(c.name), name: str(w.name), description: str(w.description), tags: tagsOf(w), active: w.isActive === true, steps: stepsOf(w.steps) });
  }
  return { state: 'ok', playbooks };
}
