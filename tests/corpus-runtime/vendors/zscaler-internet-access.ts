/** Zscaler OneAPI (zscaler-internet-access/zscaler_authorizations.py): client-credentials token from token_url, then
 * ZIA under /zia/api/v1 with the Bearer token. The health check keeps the token with update_connnector_config; the
 * action finds it in the configuration, as on the server. */
import type { Route } from '../fake-vendor';

const TOKEN = 'zia-token-1';

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/oauth2/v1/token',
    reply: (req) => {
      const form = new URLSearchParams(req.body);
      return form.get('client_id') === 'test-client' && form.get('client_secret') === 'test-secret' && form.get('grant_type') === 'client_credentials'
        ? { json: { access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 } }
        : { status: 401, json: { error: 'invalid_client' } };
    },
  },
  {
    method: 'GET',
    path: '/zia/api/v1/firewallFilteringRules',
    reply: (req) =>
      req.headers.authorization === `Bearer ${TOKEN}`
        ? { json: [{ id: 1001, name: 'Default Firewall Filtering Rule', order: 1, rank: 7, state: 'ENABLED', action: 'ALLOW', accessControl: 'READ_WRITE', defaultRule: true, predefined: false }] }
        : { status: 401, json: { code: 'AUTHENTICATION_FAILED', message: 'Unauthorized' } },
  },
];
