import { describe, expect, it } from 'vitest';
import { analyzePython, securityCatalogue } from './index';

const rulesIn = (code: string) => analyzePython('operations.py', code).map((f) => f.rule);

/** [rule, code that must be flagged, code that must not]. Every rule has at least one pair. */
const cases: [string, string, string][] = [
  ['tls-verify-disabled', "requests.get(url, verify=False, timeout=5)\n", "requests.get(url, verify=self.verify_ssl, timeout=5)\n"],
  ['tls-verify-disabled', "session.verify = False\n", "session.verify = config.get('verify_ssl', True)\n"],
  ['tls-verify-disabled', "import ssl\nctx.verify_mode = ssl.CERT_NONE\n", "import ssl\nctx.verify_mode = ssl.CERT_REQUIRED\n"],
  ['tls-verify-disabled', "import ssl\nctx = ssl._create_unverified_context()\n", "import ssl\nctx = ssl.create_default_context()\n"],
  ['hardcoded-credential', "API_KEY = 'f3a9c1d2e4b5'\n", "API_KEY = 'api_key'\n"],
  ['hardcoded-credential', "self.password = 'hunter2'\n", "self.password = config.get('password')\n"],
  ['hardcoded-credential', "client = Client(url, token='abcd1234efgh')\n", "client = Client(url, token=config['token'])\n"],
  ['hardcoded-credential', "headers = {'Authorization': 'Bearer eyJhbGciOi'}\n", "headers = {'Authorization': 'Bearer {0}'.format(token)}\n"],
  ['hardcoded-credential', "headers['X-API-Key'] = 'abc123def'\n", "headers['X-API-Key'] = api_key\n"],
  ['hardcoded-credential', "def login(user, password='admin123'):\n    pass\n", "def login(user, password=None):\n    pass\n"],
  ['hardcoded-credential', "requests.get(u, auth=('admin', 'S3cret!'), timeout=5)\n", "requests.get(u, auth=(user, password), timeout=5)\n"],
  ['hardcoded-credential', "data = {'client_secret': 'zzz-999-yyy'}\n", "data = {'client_secret': client_secret}\n"],
  ['eval-exec', "result = eval(params.get('expr'))\n", "result = ast.literal_eval(params.get('expr'))\n"],
  ['eval-exec', "exec(code)\n", "self.exec_query(code)\n"],
  ['shell-command', "import subprocess\nsubprocess.run(cmd, shell=True)\n", "import subprocess\nsubprocess.run(['ping', '-c', '1', host], shell=False)\n"],
  ['shell-command', "from subprocess import Popen\nPopen(cmd, shell=True)\n", "from subprocess import Popen\nPopen(['ls'])\n"],
  ['shell-command', "import os\nos.system('ping ' + host)\n", "import os\nos.path.join(a, b)\n"],
  ['unsafe-deserialization', "import pickle\nobj = pickle.loads(data)\n", "import json\nobj = json.loads(data)\n"],
  ['unsafe-deserialization', "import yaml\ndoc = yaml.load(text)\n", "import yaml\ndoc = yaml.load(text, Loader=yaml.SafeLoader)\n"],
  ['unsafe-deserialization', "import yaml as y\ndoc = y.load(text, y.Loader)\n", "import yaml\ndoc = yaml.safe_load(text)\n"],
  ['secret-logged', "logger.info('Using key %s', config['api_key'])\n", "logger.info('Using server %s', config['server_url'])\n"],
  ['secret-logged', "logger.debug('token: {0}'.format(config.get('password')))\n", "logger.debug('password set: %s', bool(config.get('password')))\n"],
  ['secret-logged', "self.logger.error(f'login failed for {self.api_key}')\n", "self.logger.error(f'login failed for {self.username}')\n"],
  ['secret-logged', "logger.info('config: %s', config)\n", "logger.info('operation %s', operation)\n"],
  ['request-without-timeout', "requests.post(url, json=body)\n", "requests.post(url, json=body, timeout=(10, 60))\n"],
  ['request-without-timeout', "self.session.get(url, params=q)\n", "self.session.get(url, params=q, timeout=REQUEST_TIMEOUT)\n"],
  ['request-without-timeout', "from requests import get\nget(url)\n", "self.session.request(method, url, **kwargs)\n"],
];

describe('security analyzers', () => {
  it.each(cases)('%s: flags the bad snippet and passes the good one (%#)', (rule, bad, good) => {
    expect(rulesIn(bad)).toContain(rule);
    expect(rulesIn(good)).not.toContain(rule);
  });

  it('covers every rule of the catalogue with a case', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(securityCatalogue.map((r) => r.id)));
  });

  it('reports the DESIGN.md finding shape with line, column and fix', () => {
    const [f] = analyzePython('utils.py', "import requests\n\n\ndef f(url):\n    return requests.get(url, verify=False, timeout=3)\n");
    expect(f).toEqual({
      rule: 'tls-verify-disabled',
      source: 'security',
      severity: 'error',
      message: expect.stringContaining('verify=False'),
      path: 'utils.py',
      line: 5,
      column: 37,
      fix: expect.stringContaining('verify_ssl'),
    });
  });

  it('reads code, not text: strings and comments that mention dangerous calls pass', () => {
    const code = "# requests.get(url, verify=False)\nHELP = 'never call eval(x) or os.system(cmd)'\nlogger.info('password was rejected')\n";
    expect(rulesIn(code)).toEqual([]);
  });

  it('leaves names that only contain a secret word alone', () => {
    const code = "TOKEN_URL = '/oauth2/token'\ntoken_type = 'Bearer'\nPASSWORD_FIELD = 'password'\nAUTH_SCHEME = 'Bearer'\n";
    expect(rulesIn(code)).toEqual([]);
  });
});
