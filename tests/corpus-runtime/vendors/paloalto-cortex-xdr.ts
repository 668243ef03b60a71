/** Cortex XDR public API (paloalto-cortex-xdr/operations.py): POST under /public_api/v1 with x-xdr-auth-id and the
 * key as Authorization (Standard Key). */
import type { Route } from '../fake-vendor';

const ok = (h: Record<string, string | string[] | undefined>) => h['x-xdr-auth-id'] === '7' && h.authorization === 'test-api-key';
const denied = { status: 401, json: { reply: { err_code: 401, err_msg: 'Public API request unauthorized', err_extra: '' } } };

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/public_api/v1/distributions/get_versions/',
    reply: (req) => (ok(req.headers) ? { json: { reply: { windows: ['7.9.0.12345'], linux: ['7.9.0.12346'], macos: ['7.9.0.12347'] } } } : denied),
  },
  {
    method: 'POST',
    path: '/public_api/v1/endpoints/get_endpoints/',
    reply: (req) =>
      ok(req.headers)
        ? { json: { reply: [{ agent_id: 'a1b2c3', agent_status: 'CONNECTED', operational_status: 'PROTECTED', host_name: 'WIN10-LAB', agent_type: 'WORKSTATION', ip: ['10.0.0.12'], last_seen: 1688371200000, tags: { server_tags: [], endpoint_tags: [] }, users: ['lab\\jdoe'] }] } }
        : denied,
  },
];
