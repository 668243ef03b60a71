/** FortiDDoS REST API v2 (fortinet-fortiddos/utils.py): a token from /api/authenticate/, then resources under
 * /api/v2/system/<resource>/ (RESOURCE_MAPPING in constants.py: "Settings" -> sysglobal). */
import type { Route } from '../fake-vendor';

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/api/authenticate/',
    reply: (req) => {
      const body = JSON.parse(req.body || '{}') as { username?: string; password?: string };
      return body.username && body.password ? { json: { access_token: 'ddos-token-1', token_type: 'Bearer' } } : { status: 401, json: { detail: 'Invalid credentials' } };
    },
  },
  {
    method: 'GET',
    path: '/api/v2/system/sysglobal/',
    reply: (req) =>
      req.headers.authorization === 'Bearer ddos-token-1'
        ? { json: { hostname: 'FI-1500G', 'admintimeout': 15, language: 'english', 'ssh-port': 22, 'https-port': 443, timezone: '04' } }
        : { status: 401, json: { detail: 'Authentication credentials were not provided.' } },
  },
];
