/** SonicOS API (sonicwall-firewall/operations.py): Basic auth to /api/sonicos/auth, the object, then logout. */
import type { Route } from '../fake-vendor';

const basic = `Basic ${Buffer.from('admin:test-password').toString('base64')}`;
const ok = { status: { success: true, cli: { depth: 1, command: [] }, info: [{ level: 'info', code: 'E_OK', message: 'Success.' }] } };
const unauthorized = { status: 401, json: { status: { success: false, info: [{ level: 'error', code: 'E_UNAUTHORIZED', message: 'Unauthorized.' }] } } };

export const routes: Route[] = [
  { method: 'POST', path: '/api/sonicos/auth', reply: (req) => (req.headers.authorization === basic ? { json: ok } : unauthorized) },
  { method: 'DELETE', path: /^\/api\/sonicos\/user\/session\/name\/[^/]+$/, reply: { json: ok } },
  {
    method: 'GET',
    path: /^\/api\/sonicos\/address-objects\/ipv4\/name\/[^/]+$/,
    reply: (req) =>
      req.headers.authorization === basic
        ? { json: { address_objects: [{ ipv4: { name: decodeURIComponent(req.path.split('/').pop() ?? ''), uuid: '3b0e1a4c-7d2f-6a9e-0700-c0eaf4e3f2a8', zone: 'LAN', host: { ip: '10.0.0.5' } } }] } }
        : unauthorized,
  },
];
