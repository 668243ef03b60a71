/** GitGuardian public API (git-guardian/make_rest_api_call.py), its host fixed in the code (api.gitguardian.com):
 * reached through the fake vendor as HTTPS proxy. Shapes from info.json's output_schema. */
import type { Route } from '../fake-vendor';

const incident = {
  id: 3759,
  date: '2023-07-03T06:45:30.011936Z',
  detector: { name: 'slack_bot_token', display_name: 'Slack Bot Token', nature: 'specific', family: 'Api', detector_group_name: 'slackbot_token', detector_group_display_name: 'Slack Bot Token' },
  secret_hash: 'Ri9FjVgdOlPnBmujoxP4XPJcbe82BhJXB/SAngijw/juCISuOMgPzYhV28m6OG24',
  hmsl_hash: '05975add34ddc9a38a0fb57c7d3e676ffed57080516fc16bf8d8f14308fedb86',
  gitguardian_url: 'https://dashboard.gitguardian.com/workspace/1/incidents/3759',
  regression: false,
  status: 'IGNORED',
  assignee_email: 'eric@gitguardian.com',
  occurrences_count: 4,
  ignore_reason: 'test_credential',
  ignored_at: '2023-07-04T06:45:30.011936Z',
  secret_revoked: false,
  severity: 'high',
  validity: 'valid',
  resolved_at: null,
  share_url: null,
  tags: ['FROM_HISTORICAL_SCAN', 'SENSITIVE_FILE'],
};

const authorized = (auth: string | undefined) => auth === 'Token test-api-key';

export const routes: Route[] = [
  { method: 'GET', path: '/v1/incidents/secrets', reply: (req) => (authorized(req.headers.authorization) ? { json: [incident] } : { status: 401, json: { detail: 'Invalid API key.' } }) },
  {
    method: 'GET',
    path: /^\/v1\/incidents\/secrets\/\d+$/,
    reply: (req) => (authorized(req.headers.authorization) ? { json: { ...incident, id: Number(req.path.split('/').pop()) } } : { status: 401, json: { detail: 'Invalid API key.' } }),
  },
];
