/** IBM QRadar REST API (qradar/conn.py): SEC token header, /api/help/versions for health. */
import type { Route } from '../fake-vendor';

const denied = { status: 401, json: { http_response: { code: 401, message: 'You are unauthorized to access the requested resource.' }, code: 22, message: 'No SEC header present in request.' } };
const sec = (h: string | string[] | undefined) => h === 'test-token';

export const routes: Route[] = [
  { method: 'GET', path: '/api/help/versions', reply: (req) => (sec(req.headers.sec) ? { json: [{ id: 40, version: '16.0', deprecated: false, removed: false, root_resource_ids: [] }] } : denied) },
  {
    method: 'GET',
    path: '/api/siem/offense_closing_reasons',
    reply: (req) =>
      sec(req.headers.sec)
        ? { json: [{ id: 1, text: 'False-Positive, Tuned', is_reserved: false, is_deleted: false }, { id: 2, text: 'Non-Issue', is_reserved: false, is_deleted: false }] }
        : denied,
  },
];
