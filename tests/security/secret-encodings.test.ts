/**
 * A password with non-ASCII characters, quotes, a backslash, `~` and spaces, sent by a connector in every place
 * a client library puts one (header, query, form, nested JSON, JSON inside JSON, Basic auth) to a vendor that
 * echoes all of it back, and logged and printed in every encoding. No encoding of it may reach the recorded
 * cassette, the logs, stdout/stderr, the result message, the streamed events or the CLI's `run --json`; the
 * scrubbed cassette must still replay to the same result.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliIn } from '../../src/main/cli/cli-test-kit';
import { createRuntimeService } from '../../src/main/services/runtime/runtime-service';
import type { RunResult } from '../../src/main/services/runtime/types';
import { findForms, scanFiles, secretForms as base64AndUrlForms, type Leak } from '../helpers/leak-scan';
import { tmpDir } from '../helpers/tmp';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

const USER = 'svc-user';

const INFO = {
  name: 'leaky-encoder',
  label: 'Leaky Encoder',
  version: '1.0.0',
  description: 'sends and logs its password in every encoding',
  publisher: 'Connector Studio',
  category: 'Utilities',
  configuration: {
    fields: [
      { name: 'server_url', title: 'Server URL', type: 'text', required: true, editable: true, visible: true },
      { name: 'username', title: 'Username', type: 'text', required: true, editable: true, visible: true },
      { name: 'password', title: 'Password', type: 'password', required: true, editable: true, visible: true },
    ],
  },
  operations: [
    { operation: 'send_everywhere', title: 'Send everywhere', description: 'x', parameters: [], output_schema: {} },
    { operation: 'fail_loudly', title: 'Fail loudly', description: 'x', parameters: [], output_schema: {} },
  ],
};

const CONNECTOR = String.raw`import base64
import hashlib
import json
import logging
import subprocess
import sys
from urllib.parse import quote, quote_plus

import requests
from connectors.core.connector import Connector, ConnectorError

logger = logging.getLogger('leaky')


def encodings(user, secret):
    return {
        'raw': secret,
        'json': json.dumps({'pw': secret}),
        'json_utf8': json.dumps({'pw': secret}, ensure_ascii=False),
        'json_in_json': json.dumps({'outer': json.dumps({'pw': secret})}),
        'json_in_json_utf8': json.dumps({'outer': json.dumps({'pw': secret}, ensure_ascii=False)}, ensure_ascii=False),
        'json_in_json_mixed': json.dumps({'outer': json.dumps({'pw': secret}, ensure_ascii=False)}),
        'quote': quote(secret, safe=''),
        'quote_path': quote(secret, safe='/'),
        'requests_quote': requests.utils.quote(secret),
        'quote_plus': quote_plus(secret),
        'quote_latin1': quote(secret, safe='', encoding='latin-1'),
        'quote_plus_latin1': quote_plus(secret, encoding='latin-1'),
        'basic_utf8': base64.b64encode((user + ':' + secret).encode('utf-8')).decode(),
        'basic_requests': requests.auth._basic_auth_str(user, secret),
        'base64': base64.b64encode(secret.encode('utf-8')).decode(),
        'base64url': base64.urlsafe_b64encode(secret.encode('utf-8')).decode(),
        'repr': repr({'pw': secret}),
        'ascii': ascii(secret),
        'bytes': repr(secret.encode('utf-8')),
        'mojibake': secret.encode('utf-8').decode('latin-1'),
    }


def send_everywhere(config):
    url, user, secret = config['server_url'], config['username'], config['password']
    s = requests.Session()
    answers = [
        s.get(url + '/header', headers={'X-Api-Key': secret}, timeout=5),
        s.get(url + '/header-utf8', headers={'X-Api-Key': secret.encode('utf-8')}, timeout=5),
        s.get(url + '/query', params={'key': secret, 'q': 'x y'}, timeout=5),
        s.get(url + '/path/' + quote(secret) + '?k=' + quote(secret, safe='', encoding='latin-1'), timeout=5),
        s.post(url + '/form', data={'user': user, 'password': secret}, timeout=5),
        s.post(url + '/json', json={'auth': {'list': [{'deep': {'pw': secret}}]}}, timeout=5),
        s.post(url + '/json-in-json', json={'payload': json.dumps({'pw': secret})}, timeout=5),
        s.post(url + '/json-in-json-utf8', headers={'Content-Type': 'application/json'},
               data=json.dumps({'payload': json.dumps({'pw': secret}, ensure_ascii=False)}, ensure_ascii=False).encode('utf-8'),
               timeout=5),
        s.get(url + '/basic', auth=(user, secret), timeout=5),
    ]
    for r in answers:
        logger.info('vendor answered %s %s %s', r.url, r.headers, r.text)
        print('answer', r.url, r.text)
    for name, form in encodings(user, secret).items():
        logger.info('%s: %s', name, form)
        print(name, form)
    # Straight to fd 1, past the worker's own masking: only the host can mask this.
    subprocess.run([sys.executable, '-c', 'import sys; print("\\n".join("subprocess " + a for a in sys.argv[1:]))']
                   + list(encodings(user, secret).values()), check=True)
    logger.info('config %r', config)
    # What the connector returns holds no secret, only proof of what it got back.
    digest = hashlib.sha256(json.dumps([[r.status_code, r.text, r.headers.get('X-Echo-Key')] for r in answers]).encode()).hexdigest()
    return {'statuses': [r.status_code for r in answers], 'digest': digest,
            'echoed': [r.json()['url'] == r.request.path_url and r.json()['body'] == sent_body(r) for r in answers]}


def sent_body(r):
    body = r.request.body or ''
    return body.decode('utf-8') if isinstance(body, bytes) else body


class LeakyEncoder(Connector):
    def execute(self, config, operation, params, **kwargs):
        if operation == 'fail_loudly':
            secret = config['password']
            raise ConnectorError('refused %s, %s, %s' % (json.dumps({'pw': secret}), quote_plus(secret), quote(secret)))
        return send_everywhere(config)

    def check_health(self, config):
        return True
`;

/** What the vendor decoded from each request, to prove the connector really sent the secret there. */
interface Seen {
  readonly path: string;
  readonly header?: string;
  readonly query: Record<string, string>;
  readonly body: string;
  readonly authorization?: string;
}

/** Answers every request with all it received (headers, URL, body) in a JSON body and the key in a header. */
async function startEchoServer(): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://vendor');
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers['x-api-key'] as string | undefined;
      seen.push({ path: url.pathname, header, query: Object.fromEntries(url.searchParams), body, authorization: req.headers.authorization });
      // Node reads header bytes as latin-1 and writes them back the same way: the bytes round-trip.
      res.writeHead(200, { 'Content-Type': 'application/json', ...(header ? { 'X-Echo-Key': header } : {}) });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// ---- An oracle independent of the code under test: every encoding of the secret, computed here in TypeScript.

const ALWAYS_SAFE = /^[A-Za-z0-9_.~-]$/;

/** Python's urllib.parse.quote / quote_plus over the given bytes. */
function percent(bytes: Buffer, safe: string, plus = false): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    if (b < 0x80 && (ALWAYS_SAFE.test(c) || safe.includes(c))) out += c;
    else if (plus && c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Python's json.dumps(s, ensure_ascii=ascii) without the quotes. */
function jsonInner(s: string, ascii: boolean): string {
  const j = JSON.stringify(s).slice(1, -1);
  return ascii ? j.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : j;
}

/** Python's repr() of a str (single-quoted, as it is when the value holds no single quote) and of bytes. */
const pyRepr = (s: string) => s.replace(/\\/g, '\\\\');
const pyAscii = (s: string) => pyRepr(s).replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const pyBytesRepr = (b: Buffer) =>
  [...b].map((x) => (x === 0x5c ? '\\\\' : x >= 0x20 && x < 0x7f ? String.fromCharCode(x) : `\\x${x.toString(16).padStart(2, '0')}`)).join('');

function encodingsOf(secret: string, user: string): Map<string, string> {
  const forms = new Map<string, string>();
  const add = (label: string, value: string) => void (forms.has(value) || forms.set(value, label));
  const utf8 = Buffer.from(secret, 'utf8');
  const latin1 = Buffer.from(secret, 'latin1');
  add('raw', secret);
  add('json ensure_ascii=False', jsonInner(secret, false));
  add('json ensure_ascii=True', jsonInner(secret, true));
  for (const a of [true, false])
    for (const b of [true, false]) {
      add(`json in json (inner ascii=${a}, outer ascii=${b})`, jsonInner(jsonInner(secret, a), b));
      for (const c of [true, false]) add(`json in json in json (ascii=${a}, ${b}, ${c})`, jsonInner(jsonInner(jsonInner(secret, a), b), c));
    }
  for (const [charset, bytes] of [['utf-8', utf8], ['latin-1', latin1]] as const) {
    const variants: [string, string][] = [
      [`quote safe='' ${charset}`, percent(bytes, '')],
      [`quote safe='/' ${charset}`, percent(bytes, '/')],
      [`quote_plus ${charset}`, percent(bytes, '', true)],
      [`encodeURIComponent-like ${charset}`, percent(bytes, "!'()*")],
    ];
    for (const [label, value] of variants) {
      add(label, value);
      add(`${label} lower-case hex`, value.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    }
    add(`base64 ${charset}`, bytes.toString('base64'));
    add(`base64 ${charset} unpadded`, bytes.toString('base64').replace(/=+$/, ''));
    add(`base64url ${charset}`, bytes.toString('base64url'));
    add(`Basic ${charset}`, Buffer.concat([Buffer.from(`${user}:`), bytes]).toString('base64'));
  }
  add('repr', pyRepr(secret));
  add('ascii()', pyAscii(secret));
  add('repr of UTF-8 bytes', pyBytesRepr(utf8));
  add('UTF-8 bytes read as latin-1', utf8.toString('latin1'));
  // Base64 of the secret inside longer values, URL-encoded forms as browsers make them.
  for (const [value, label] of base64AndUrlForms(secret, { basicUser: user })) add(`leak-scan ${label}`, value);
  return forms;
}

function scanRun(where: string, r: RunResult, forms: Map<string, string>): Leak[] {
  return [
    ...findForms(`${where} logs`, r.logs.map((l) => l.message).join('\n'), forms),
    ...findForms(`${where} stdout`, r.stdout, forms),
    ...findForms(`${where} stderr`, r.stderr, forms),
    ...findForms(`${where} message`, r.message, forms),
  ];
}

describe('secret encodings', () => {
  it('keeps every encoding of a password out of cassettes, logs, output and run --json, and replays the scrubbed cassette', async () => {
    const secret = `Cänary2 "q" \\ ~ x-${randomBytes(4).toString('hex')}`;
    const forms = encodingsOf(secret, USER);
    const tmp = await tmpDir('cs-encodings-');
    const folder = path.join(tmp, 'leaky-encoder');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'info.json'), JSON.stringify(INFO));
    writeFileSync(path.join(folder, 'connector.py'), CONNECTOR);
    const vendor = await startEchoServer();
    cleanups.push(() => vendor.close());
    const config = { server_url: vendor.url, username: USER, password: secret };
    const runtime = createRuntimeService({ dataDir: path.join(tmp, 'data') });
    cleanups.push(() => runtime.stopAll());

    const streamed: string[] = [];
    const listeners = { onLog: (e: { message: string }) => streamed.push(e.message), onOutput: (_s: string, t: string) => streamed.push(t) };
    const tape = path.join(tmp, 'tests', 'cassettes', 'send_everywhere-all.json');
    const live = await runtime.execute(folder, 'send_everywhere', {}, config, { cassette: { mode: 'record', path: tape }, ...listeners });
    expect(live.status, live.message).toBe('Success');
    // The vendor got the secret in every place, and echoed it back in every answer.
    expect(live.data).toMatchObject({ statuses: Array(9).fill(200), echoed: Array(9).fill(true) });
    const byPath = new Map(vendor.seen.map((s) => [s.path, s]));
    expect(byPath.get('/header')?.header).toBe(secret);
    expect(byPath.get('/query')?.query.key).toBe(secret);
    expect(new URLSearchParams(byPath.get('/form')?.body).get('password')).toBe(secret);
    expect(JSON.parse(byPath.get('/json')!.body).auth.list[0].deep.pw).toBe(secret);
    expect(JSON.parse(JSON.parse(byPath.get('/json-in-json')!.body).payload).pw).toBe(secret);
    expect(JSON.parse(JSON.parse(byPath.get('/json-in-json-utf8')!.body).payload).pw).toBe(secret);
    expect(Buffer.from(byPath.get('/basic')!.authorization!.slice(6), 'base64').toString('latin1')).toBe(`${USER}:${secret}`);
    expect(live.logs.some((l) => l.message.startsWith('json_in_json:'))).toBe(true);
    expect(live.stdout).toContain('quote_plus_latin1 ');
    expect(live.stdout).toContain('subprocess ');

    const failed = await runtime.execute(folder, 'fail_loudly', {}, config, listeners);
    expect(failed.status).toBe('Failed');
    expect(failed.message).toContain('refused');

    const leaks: Leak[] = [...scanRun('record run', live, forms), ...scanRun('failed run', failed, forms)];
    leaks.push(...findForms('streamed logs and output', streamed.join('\n'), forms));
    const cassetteBytes = readFileSync(tape);
    leaks.push(...findForms('cassette', cassetteBytes, forms));
    expect(cassetteBytes.toString('utf8')).toContain('<scrubbed:password');

    // Replay with the vendor gone: every request matches its scrubbed recording, and the connector gets back
    // the very answers it got live (the digest covers every echoed body and header).
    await vendor.close();
    const replayed = await runtime.execute(folder, 'send_everywhere', {}, config, { cassette: { mode: 'replay', path: tape } });
    expect.soft(replayed.status, replayed.message).toBe('Success');
    expect.soft(replayed.data).toEqual(live.data);
    leaks.push(...scanRun('replayed run', replayed, forms));

    // The CLI, as a user runs it: record and replay with --json.
    const cli = cliIn(tmp);
    const cliVendor = await startEchoServer();
    cleanups.push(() => cliVendor.close());
    const configFile = path.join(tmp, 'config.json');
    writeFileSync(configFile, JSON.stringify({ ...config, server_url: cliVendor.url }));
    const cliTape = path.join(tmp, 'cli-cassette.json');
    const recorded = await cli('run', folder, 'send_everywhere', '--config', configFile, '--record', cliTape, '--json');
    expect(recorded.code, recorded.err).toBe(0);
    expect(JSON.parse(recorded.out)).toMatchObject({ status: 'Success', data: { echoed: Array(9).fill(true) } });
    await cliVendor.close();
    const cliReplay = await cli('run', folder, 'send_everywhere', '--config', configFile, '--replay', cliTape, '--json');
    expect.soft(cliReplay.code, cliReplay.err).toBe(0);
    expect.soft(JSON.parse(cliReplay.out).data).toEqual(JSON.parse(recorded.out).data);
    const cliFailed = await cli('run', folder, 'fail_loudly', '--config', configFile, '--json');
    expect(cliFailed.code).toBe(1);
    for (const [where, r] of [['CLI record', recorded], ['CLI replay', cliReplay], ['CLI failure', cliFailed]] as const)
      leaks.push(...findForms(`${where} run --json`, r.out, forms), ...findForms(`${where} stderr`, r.err, forms));
    leaks.push(...findForms('CLI cassette', readFileSync(cliTape), forms));
    // Whatever the runtime and the CLI left on disk (logs, the working folder).
    leaks.push(...(await scanFiles([path.join(tmp, 'user'), path.join(tmp, 'data')], forms)).leaks);

    console.info(`secret encodings: ${forms.size} tried, ${leaks.length} leaked`);
    expect(leaks).toEqual([]);
  });
});
