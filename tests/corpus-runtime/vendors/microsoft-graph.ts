/** Microsoft identity platform and Graph (microsoft-graph/microsoft_api_auth.py): the token endpoint is fixed
 * (login.microsoftonline.com, through the proxy); Graph is the configuration's "resource". */
import type { Route } from '../fake-vendor';

const TOKEN = 'graph-token-1';

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/test-tenant/oauth2/v2.0/token',
    reply: (req) => {
      const form = new URLSearchParams(req.body);
      return form.get('client_secret') === 'test-secret'
        ? { json: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: TOKEN } }
        : { status: 401, json: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } };
    },
  },
  {
    method: 'GET',
    path: '/v1.0/groups',
    reply: (req) =>
      req.headers.authorization === `Bearer ${TOKEN}`
        ? { json: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups', value: [{ id: '02bd9fd6-8f93-4758-87c3-1fb73740a315', displayName: 'HR Taskforce', mail: 'HRTaskforce@contoso.com', securityEnabled: false }] } }
        : { status: 401, json: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } } },
  },
];
