/** Shared by the cassette tests: a connector that calls a vendor API through requests, and that vendor. */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const SECRET = 'sk-Live_9f8e7d6c5b4a';
export const VENDOR_TOKEN = 'vt-0a1b2c3d4e5f6789';

export const HTTP_CONNECTOR = {
  'info.json': JSON.stringify({
    name: 'http-probe',
    label: 'HTTP Probe',
    version: '1.0.0',
    description: 'cassette test connector',
    publisher: 'Connector Studio',
    category: 'Utilities',
    configuration: {
      fields: [
        { name: 'server_url', title: 'Server URL', type: 'text', required: true, editable: true, visible: true },
        { name: 'credential', title: 'Credential', type: 'password', required: true, editable: true, visible: true },
      ],
    },
    operations: [{ operation: 'fetch', title: 'Fetch', description: 'Fetch', parameters: [], output_schema: {} }],
  }),
  'connector.py': `import base64
import requests
from connectors.core.connector import Connector, ConnectorError


def call(config, q):
    key = config['credential']
    basic = base64.b64encode(('user:' + key).encode()).decode()
    r = requests.post(config['server_url'] + '/items', params={'key': key, 'q': q},
                      headers={'X-Api-Key': key, 'Authorization': 'Basic ' + basic},
                      json={'apiKey': key, 'q': q}, timeout=5)
    r.raise_for_status()
    login = r.json()
    r2 = requests.get(config['server_url'] + '/more', headers={'Authorization': 'Bearer ' + login['access_token']}, timeout=5)
    r2.raise_for_status()
    return {'items': login['items'], 'more': r2.json()}


class HttpProbe(Connector):
    def execute(self, config, operation, params, **kwargs):
        return call(config, params.get('q', 'all'))

    def check_health(self, config):
        call(config, 'health')
`,
};

export function writeHttpConnector(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(HTTP_CONNECTOR)) writeFileSync(path.join(dir, name), text);
  return dir;
}

export async function startVendor(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/items')) {
        const ok = req.headers['x-api-key'] === SECRET && body.includes(SECRET) && req.url.includes(encodeURIComponent(SECRET));
        res.statusCode = ok ? 200 : 401;
        res.end(JSON.stringify({ items: [1, 2, 3], access_token: VENDOR_TOKEN, token_type: 'Bearer', echo: Buffer.from(SECRET).toString('base64') }));
      } else {
        const ok = req.headers.authorization === `Bearer ${VENDOR_TOKEN}`;
        res.statusCode = ok ? 200 : 401;
        res.end(JSON.stringify({ more: ok }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}
