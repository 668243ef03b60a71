/** Playbooks on the sandbox: POST /api/3/workflow_collections loads a collection (or a whole playbooks.json export),
 * GET /api/3/workflows lists the playbooks as a Hydra collection, their steps inline with `$relationships=true`
 * and as IRIs without, as FortiSOAR's CRUD API answers; DELETE /api/3/workflow_collections/<uuid> removes one.
 * Enough for a publish to find the steps that call a connector (docs/publish-transaction.md). */
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from './context';
import { HttpFailure } from './http-util';
import type { Reply } from './integration';
import type { StoredWorkflowCollection } from './state';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const uuidOf = (v: unknown): string => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v) ? v : randomUUID());

/** One collection as sent, with uuids given to the collection, its workflows and their steps where missing. */
function normalise(raw: Record<string, unknown>): StoredWorkflowCollection {
  if (typeof raw.name !== 'string' || raw.name.trim() === '') throw new HttpFailure(400, 'A workflow collection needs a "name".', 'hydra');
  const uuid = uuidOf(raw.uuid);
  const workflows = (Array.isArray(raw.workflows) ? raw.workflows : []).filter(isObject).map((w) => ({
    ...w,
    uuid: uuidOf(w.uuid),
    collection: `/api/3/workflow_collections/${uuid}`,
    steps: (Array.isArray(w.steps) ? w.steps : []).filter(isObject).map((s) => ({ ...s, uuid: uuidOf(s.uuid) })),
  }));
  return { ...raw, uuid, name: raw.name, workflows };
}

/** A playbooks.json export (`{type, data:[...]}`) or a bare list holds several collections; anything else is one. */
function collectionsIn(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body.filter(isObject);
  if (isObject(body) && Array.isArray(body.data) && body.name === undefined) return body.data.filter(isObject);
  if (isObject(body)) return [body];
  throw new HttpFailure(400, 'Send a workflow collection (or a playbooks.json export) as JSON.', 'hydra');
}

function workflowView(w: Record<string, unknown>, inline: boolean): Record<string, unknown> {
  const steps = (w.steps as Array<Record<string, unknown>>).map((s) => (inline ? { '@id': `/api/3/workflow_steps/${String(s.uuid)}`, '@type': 'WorkflowStep', ...s } : `/api/3/workflow_steps/${String(s.uuid)}`));
  return { '@id': `/api/3/workflows/${String(w.uuid)}`, '@type': 'Workflow', ...w, steps };
}

function listWorkflows(ctx: SandboxContext, q: URLSearchParams): Reply {
  const inline = q.get('$relationships') === 'true';
  const limit = Math.max(1, Math.min(1000, Number(q.get('$limit')) || 30));
  const page = Math.max(1, Number(q.get('$page')) || 1);
  const all = ctx.state.workflowCollections.flatMap((c) => c.workflows);
  const member = all.slice((page - 1) * limit, page * limit).map((w) => workflowView(w, inline));
  const link = (p: number) => `/api/3/workflows?${new URLSearchParams({ ...(inline ? { $relationships: 'true' } : {}), $limit: String(limit), $page: String(p) })}`;
  const view = { '@id': link(page), '@type': 'hydra:PartialCollectionView', 'hydra:first': link(1), ...(page * limit < all.length ? { 'hydra:next': link(page + 1) } : {}) };
  return { status: 200, body: { '@context': '/api/3/contexts/Workflow', '@id': '/api/3/workflows', '@type': 'hydra:Collection', 'hydra:member': member, 'hydra:totalItems': all.length, 'hydra:view': view } };
}

/** Answers the playbook routes; undefined for any other path, so the caller goes on. */
export async function workflows(ctx: SandboxContext, method: string, url: URL, json: () => unknown): Promise<Reply | undefined> {
  const p = url.pathname;
  if (p === '/api/3/workflows' && method === 'GET') return listWorkflows(ctx, url.searchParams);
  if (p === '/api/3/workflow_collections' && method === 'GET') {
    const member = ctx.state.workflowCollections.map((c) => ({ '@id': `/api/3/workflow_collections/${c.uuid}`, '@type': 'WorkflowCollection', uuid: c.uuid, name: c.name, workflows: c.workflows.map((w) => `/api/3/workflows/${String(w.uuid)}`) }));
    return { status: 200, body: { '@context': '/api/3/contexts/WorkflowCollection', '@id': '/api/3/workflow_collections', '@type': 'hydra:Collection', 'hydra:member': member, 'hydra:totalItems': member.length } };
  }
  if (p === '/api/3/workflow_collections' && method === 'POST') {
    const created = collectionsIn(json()).map(normalise);
    for (const c of created) ctx.state.putWorkflowCollection(c);
    await ctx.state.save();
    const view = (c: StoredWorkflowCollection) => ({ '@id': `/api/3/workflow_collections/${c.uuid}`, '@type': 'WorkflowCollection', ...c, workflows: c.workflows.map((w) => workflowView(w, true)) });
    const [only] = created;
    if (created.length === 1 && only) return { status: 201, body: view(only) };
    return { status: 201, body: { '@type': 'hydra:Collection', 'hydra:member': created.map(view), 'hydra:totalItems': created.length } };
  }
  const uuid = /^\/api\/3\/workflow_collections\/([^/]+)$/.exec(p)?.[1];
  if (uuid !== undefined && method === 'DELETE') {
    if (!ctx.state.removeWorkflowCollection(decodeURIComponent(uuid))) throw new HttpFailure(404, `No workflow collection ${uuid}.`, 'hydra');
    await ctx.state.save();
    return { status: 204 };
  }
  return undefined;
}
