/** The parts of playbooks/playbooks.json the rules look at: each bundled workflow's state, tags and steps. */
import { PLAYBOOKS_JSON } from './snapshot';
import { jsonErrorPosition } from './text-position';

export interface WorkflowStep {
  readonly name: string;
  readonly stepType: string;
}

export interface WorkflowEntry {
  readonly name: string;
  readonly pointer: string;
  readonly isActive: unknown;
  readonly tags: readonly string[];
  readonly steps: readonly WorkflowStep[];
}

export type PlaybooksInfo =
  | { readonly state: 'missing' }
  | { readonly state: 'empty' }
  | { readonly state: 'invalid'; readonly message: string; readonly line?: number; readonly column?: number }
  | { readonly state: 'ok'; readonly workflows: readonly WorkflowEntry[] };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readPlaybooks(files: Readonly<Record<string, string>>): PlaybooksInfo {
  const text = files[PLAYBOOKS_JSON];
  if (text === undefined) return { state: 'missing' };
  if (text.trim() === '') return { state: 'empty' };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    return { state: 'invalid', message, ...jsonErrorPosition(text, message) };
  }
  return { state: 'ok', workflows: collectWorkflows(doc) };
}

/** Exports are `{type, data: [collection...]}`; very old ones are a bare list of collections. */
function collectWorkflows(doc: unknown): WorkflowEntry[] {
  const [collections, base] = Array.isArray(doc)
    ? [doc, '']
    : [(doc as { data?: unknown } | null)?.data, '/data'];
  if (!Array.isArray(collections)) return [];
  const out: WorkflowEntry[] = [];
  collections.forEach((collection, ci) => {
    const workflows = (collection as { workflows?: unknown } | null)?.workflows;
    if (!Array.isArray(workflows)) return;
    workflows.forEach((wf, wi) => {
      if (wf === null || typeof wf !== 'object') return;
      const w = wf as Record<string, unknown>;
      out.push({
        name: str(w.name),
        pointer: `${base}/${ci}/workflows/${wi}`,
        isActive: w.isActive,
        tags: readTags(w),
        steps: readSteps(w.steps),
      });
    });
  });
  return out;
}

/** `recordTags`, plus the legacy `tag` string ("#a #b") older exports still carry. */
function readTags(w: Record<string, unknown>): string[] {
  const tags = Array.isArray(w.recordTags) ? w.recordTags.filter((t): t is string => typeof t === 'string') : [];
  const legacy = typeof w.tag === 'string' ? w.tag.split('#').map((t) => t.trim()).filter(Boolean) : [];
  return [...tags, ...legacy];
}

function readSteps(steps: unknown): WorkflowStep[] {
  if (!Array.isArray(steps)) return [];
  return steps
    .filter((s): s is Record<string, unknown> => s !== null && typeof s === 'object')
    .map((s) => ({ name: str(s.name), stepType: str(s.stepType) }));
}
