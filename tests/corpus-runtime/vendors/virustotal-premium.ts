/** VirusTotal API v3 (virustotal-premium/operations.py): x-apikey header; shapes from info.json's output_schema. */
import type { Route } from '../fake-vendor';

const KEY = 'test-api-key';
const denied = { status: 401, json: { error: { code: 'WrongCredentialsError', message: 'Wrong API key' } } };

export const routes: Route[] = [
  { method: 'GET', path: `/api/v3/users/${KEY}`, reply: (req) => (req.headers['x-apikey'] === KEY ? { json: { data: { id: 'tester', type: 'user', attributes: { status: 'active' } } } } : denied) },
  {
    method: 'GET',
    path: /^\/api\/v3\/ip_addresses\/[\d.]+$/,
    reply: (req) =>
      req.headers['x-apikey'] === KEY
        ? {
            json: {
              data: {
                id: req.path.split('/').pop(),
                type: 'ip_address',
                links: { self: `https://www.virustotal.com/api/v3/ip_addresses/${req.path.split('/').pop()}` },
                attributes: {
                  as_owner: 'GOOGLE',
                  asn: 15169,
                  country: 'US',
                  network: '8.8.8.0/24',
                  reputation: 549,
                  whois: 'NetRange: 8.8.8.0 - 8.8.8.255',
                  last_analysis_stats: { harmless: 62, malicious: 0, suspicious: 0, undetected: 26, timeout: 0 },
                  total_votes: { harmless: 180, malicious: 30 },
                },
              },
            },
          }
        : denied,
  },
];
