/** Playbook impact: which playbook steps use an operation, parameter or output key that a new version removes or
 * changes. Read from the server's playbooks (GET /api/3/workflows) and from the connector's own sample playbooks,
 * against the compatibility report between the installed version and the one being published. */
import { compatChanges } from '../../../shared/connector/compat';
import type { CompatChange } from '../../../shared/connector/compat/types';
import type { InfoJson } from '../../../shared/connector/info-json';
import { STEP_TYPES, collectionsOf } from '../../../shared/connector/playbooks';
import type { PlaybookImpact } from '../../../shared/models/publish';
import type { FortiSoarClient } from './client';
import type { ConnectorDetails } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A playbook as far as the impact needs it: its name, collection and steps (objects, as exported). */
export interface PlaybookDoc {
  readonly collection?: string;
  readonly name: string;
  readonly steps: ReadonlyArray<Record<string, unknown>>;
}

/** The installed version as the details endpoint describes it, shaped as the info.json the compare reads. */
export function infoFromDetails(d: ConnectorDetails): InfoJson {
  return { name: d.name, version: d.version, label: d.label, operations: d.operations ?? [], configuration: { fields: d.config_schema?.fields ?? [] } } as InfoJson;
}

/** Every playbook of a playbooks.json export. */
export function playbooksOfExport(doc: unknown): PlaybookDoc[] {
  return collectionsOf(doc).flatMap((c) =>
    isObject(c) && Array.isArray(c.workflows)
      ? c.workflows.filter(isObject).map((w) => ({ collection: str(c.name), name: str(w.name), steps: Array.isArray(w.steps) ? w.steps.filter(isObject) : [] }))
      : [],
  );
}

const PAGE = 100;
const MAX_PAGES = 50;

/** The server's playbooks with their steps inline (`$relationships=true`), page by page. */
export async function serverPlaybooks(client: FortiSoarClient): Promise<PlaybookDoc[]> {
  const out: PlaybookDoc[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await client.request('GET', `/api/3/workflows?$relationships=true&$limit=${PAGE}&$page=${page}`, { action: 'read playbooks' });
    const body = res.body as { 'hydra:member'?: unknown; 'hydra:totalItems'?: unknown };
    const members = Array.isArray(body?.['hydra:member']) ? body['hydra:member'].filter(isObject) : [];
    for (const w of members) {
      const collection = isObject(w.collection) ? str(w.collection.name) : undefined;
      out.push({ collection, name: str(w.name), steps: Array.isArray(w.steps) ? w.steps.filter(isObject) : [] });
    }
    const total = typeof body?.['hydra:totalItems'] === 'number' ? body['hydra:totalItems'] : 0;
    if (members.length < PAGE || out.length >= total) break;
  }
  return out;
}

/** The connector step's operation and parameters when it calls connector `name`. */
function connectorCall(step: Record<string, unknown>, name: string): { operation: string; params: Record<string, unknown> } | undefined {
  if (!str(step.stepType).endsWith(STEP_TYPES.connector) || !isObject(step.arguments)) return undefined;
  const a = step.arguments;
  if (str(a.connector) !== name || !str(a.operation)) return undefined;
  return { operation: str(a.operation), params: isObject(a.params) ? a.params : {} };
}

/** `operations/<op>/...` split into the operation and what follows. */
function parsePath(path: string): { operation: string; rest: string[] } | undefined {
  const [area, operation, ...rest] = path.split('/');
  return area === 'operations' && operation ? { operation, rest } : undefined;
}

/** Playbooks refer to a step's results by the step's name with spaces as underscores: `vars.steps.Get_IP.data...`. */
const stepVar = (stepName: string) => `steps.${stepName.replace(/\s+/g, '_')}`;

/** Whether this change reaches this step: an operation change always; a parameter change when the step sets that
 * parameter (or, for a newly required one, when it does not); an output key when a step of the playbook reads
 * this step's results and names the key. */
function affected(change: CompatChange, rest: string[], step: Record<string, unknown>, params: Record<string, unknown>, playbook: PlaybookDoc): Record<string, unknown>[] {
  if (rest.length === 0) return [step];
  if (rest[0] === 'parameters' && rest[1]) {
    const param = rest[rest.length - 1] ?? rest[1];
    const sets = Object.prototype.hasOwnProperty.call(params, rest[1]) || Object.prototype.hasOwnProperty.call(params, param);
    if (change.kind === 'parameter-added' || change.kind === 'parameter-made-required') return sets ? [] : [step];
    return sets ? [step] : [];
  }
  if (rest[0] === 'output_schema') {
    const key = (rest[rest.length - 1] ?? '').replace(/\[\]$/, '');
    const ref = stepVar(str(step.name));
    return playbook.steps.filter((s) => s !== step && JSON.stringify(s.arguments ?? {}).includes(ref) && JSON.stringify(s.arguments ?? {}).includes(key));
  }
  return [];
}

/** Every step of these playbooks that a breaking change between `oldInfo` and `newInfo` reaches. */
export function playbookImpact(oldInfo: InfoJson, newInfo: InfoJson, playbooks: readonly PlaybookDoc[], source: PlaybookImpact['source']): PlaybookImpact[] {
  const name = str(newInfo.name) || str(oldInfo.name);
  const changes = compatChanges(oldInfo, newInfo).filter((c) => c.breaking && c.path.startsWith('operations/'));
  const out: PlaybookImpact[] = [];
  for (const playbook of playbooks)
    for (const step of playbook.steps) {
      const call = connectorCall(step, name);
      if (!call) continue;
      for (const change of changes) {
        const at = parsePath(change.path);
        if (!at || at.operation !== call.operation) continue;
        for (const hit of affected(change, at.rest, step, call.params, playbook))
          out.push({ source, ...(playbook.collection ? { collection: playbook.collection } : {}), playbook: playbook.name, step: str(hit.name), operation: call.operation, change: change.kind, breaking: change.breaking, message: change.message });
      }
    }
  return out;
}

/** One line per impacted step, for a CLI or a log. */
export const impactLine = (i: PlaybookImpact) =>
  `${i.source === 'server' ? 'Server playbook' : 'Sample playbook'} "${i.playbook}"${i.collection ? ` (${i.collection})` : ''}, step "${i.step}": ${i.message}`;
