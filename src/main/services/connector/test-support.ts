/** Test support (imported by *.test.ts only): drives a generated connector in a real python3 with a minimal
 * `connectors.core.connector` stand-in and `requests.Session.request` replaced by a recorder, so tests see
 * every HTTP call's URL, verify flag and timeout without a network. */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const CONNECTOR_SHIM = `import logging


class ConnectorError(Exception):
    pass


class Connector(object):
    def __init__(self, *args, **kwargs):
        self._info_json = kwargs.get('info_json')


def get_logger(name):
    return logging.getLogger('connectors.' + name)
`;

const DRIVER = `import importlib, json, sys, types
import requests
from connectors.core.connector import Connector, ConnectorError

folder = sys.argv[1]
calls = []

def fake_request(self, method, url, **kwargs):
    calls.append({'method': method, 'url': url, 'verify': kwargs.get('verify'), 'timeout': kwargs.get('timeout'),
                  'authorization': self.headers.get('Authorization'), 'basic': self.auth is not None})
    response = requests.Response()
    response.status_code = 200
    response.url = url
    response._content = json.dumps({'access_token': 'token'} if 'token' in url else {'ok': True}).encode()
    return response

requests.Session.request = fake_request

def sample(field, verify_ssl):
    kind = field.get('type')
    if field['name'] == 'verify_ssl':
        return verify_ssl
    if kind == 'checkbox':
        return bool(field.get('value', False))
    if kind == 'integer':
        return 5
    if kind == 'select':
        return field['options'][0]
    if kind == 'multiselect':
        return field['options'][:1]
    if kind in ('json', 'object'):
        return '[{"a": 1}]'
    return 'aGVsbG8='

info = json.load(open(folder + '/info.json'))
package = types.ModuleType('generated_connector')
package.__path__ = [folder]
sys.modules['generated_connector'] = package
module = importlib.import_module('generated_connector.connector')
cls = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, Connector) and v is not Connector][0]
config = {f['name']: sample(f, False) for f in info['configuration'].get('fields', [])}
if 'server_url' in config:
    config['server_url'] = 'https://api.example.test'
connector = cls(info_json=info)
connector.check_health(config)
results = {}
for op in info['operations']:
    params = {p['name']: sample(p, False) for p in op['parameters']}
    results[op['operation']] = connector.execute(config, op['operation'], params)
try:
    connector.execute(config, 'no_such_operation', {})
    unknown = 'accepted'
except ConnectorError as error:
    unknown = str(error)
print(json.dumps({'calls': calls, 'results': results, 'unknown': unknown}))
`;

export interface DriveResult {
  calls: { method: string; url: string; verify: unknown; timeout: unknown; authorization: string | null; basic: boolean }[];
  results: Record<string, unknown>;
  unknown: string;
}

export async function pythonHasRequests(): Promise<boolean> {
  return run('python3', ['-c', 'import requests']).then(() => true, () => false);
}

/** Runs check_health and every operation of the connector once, with verify_ssl cleared. */
export async function driveConnector(work: string, connectorDir: string): Promise<DriveResult> {
  const shims = path.join(work, 'py-shims');
  await mkdir(path.join(shims, 'connectors', 'core'), { recursive: true });
  await writeFile(path.join(shims, 'connectors', '__init__.py'), '');
  await writeFile(path.join(shims, 'connectors', 'core', '__init__.py'), '');
  await writeFile(path.join(shims, 'connectors', 'core', 'connector.py'), CONNECTOR_SHIM);
  await writeFile(path.join(shims, 'driver.py'), DRIVER);
  const { stdout } = await run('python3', [path.join(shims, 'driver.py'), connectorDir], {
    env: { ...process.env, PYTHONPATH: shims, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return JSON.parse(stdout) as DriveResult;
}

/** `python3 -m py_compile` on each file, with the bytecode cache kept out of the project. */
export async function pyCompile(files: string[], cacheDir: string): Promise<void> {
  await run('python3', ['-m', 'py_compile', ...files], { env: { ...process.env, PYTHONPYCACHEPREFIX: cacheDir } });
}
