/** SEKOIA.IO (sekoia-io-xdr/utils.py, constants.py): app.sekoia.io fixed in the code, reached through the proxy. */
import type { Route } from '../fake-vendor';

const bearer = 'Bearer test-api-key';

export const routes: Route[] = [
  {
    method: 'GET',
    path: '/v1/auth/validate',
    reply: (req) =>
      req.headers.authorization === bearer
        ? { json: { type: 'apikey', community_uuid: '5ac45d3c-0a49-4c2d-a8d4-2b8e3e6c1f10', name: 'soar', roles: [] } }
        : { status: 401, json: { message: 'The token is invalid' } },
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/sic\/alerts\/[\w-]+$/,
    reply: (req) =>
      req.headers.authorization === bearer
        ? {
            json: {
              uuid: req.path.split('/').pop(),
              short_id: 'ALUnTuhuwQEU',
              title: 'Suspicious PowerShell command',
              status: { uuid: '2efc4930-1442-4abb-acf2-58ba219a4fd0', name: 'Pending', description: 'Alert is waiting for action' },
              urgency: { severity: 60, display: 'Major', criticity: 60, current_value: 60, value: 60 },
              alert_type: { category: 'malicious-code', value: 'malware' },
              created_at: 1688371200,
              updated_at: 1688374800,
              comments: [],
              history: [],
              countermeasures: [],
            },
          }
        : { status: 401, json: { message: 'The token is invalid' } },
  },
];
