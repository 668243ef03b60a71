/** An HMAC signature over a body is good for one request: within its time window a copy of the header (and
 * body) is refused, while identical body-less GETs in one second, which a client legitimately repeats, pass. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/main/sandbox/server';
import { USERS, rawRequest, sandboxWithUsers, tempDir } from '../../src/main/sandbox/test-kit';
import { hmacAuthorization } from '../../src/main/services/publish/hmac';

const tmp = tempDir('cs-sec-hmac-replay-');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
});
afterAll(async () => {
  await sandbox.close();
  tmp.dispose();
});

/** One signed request, captured: the same headers and body can be sent again. */
function captured(method: string, target: string, body?: string) {
  const authorization = hmacAuthorization({ method, fullUrl: `${sandbox.url}${target}`, body, ...USERS.hmac, date: new Date() });
  const headers = { host: new URL(sandbox.url).host, authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  return () => rawRequest(sandbox.url, method, target, headers, body);
}

const REPLAY = /already used/;

describe('replays of signed requests with a body are refused', () => {
  it('a configuration POST sent twice: the copy gets 401', async () => {
    const send = captured('POST', '/api/integration/configuration/', JSON.stringify({ connector: 4242, name: 'replayed' }));
    const first = await send();
    expect(first.status).toBe(400); // signed correctly; refused for its content
    const copy = await send();
    expect(copy.status).toBe(401);
    expect(copy.text).toMatch(REPLAY);
  });

  it('an execute POST replayed three times: each copy gets 401', async () => {
    const send = captured('POST', '/api/integration/execute/?format=json', JSON.stringify({ connector: 'x', version: '1.0.0', operation: 'op', params: {} }));
    expect((await send()).status).toBe(400);
    for (const copy of [await send(), await send(), await send()]) expect([copy.status, copy.text]).toEqual([401, expect.stringMatching(REPLAY)]);
  });

  it('two copies sent at once: exactly one is served', async () => {
    const send = captured('POST', '/api/integration/connectors/not-installed/', '{}');
    const statuses = (await Promise.all([send(), send()])).map((r) => r.status).sort();
    expect(statuses).toEqual([401, 404]);
  });

  it('a DELETE replayed: the copy gets 401', async () => {
    const send = captured('DELETE', '/api/integration/configuration/no-such-config/');
    expect((await send()).status).toBe(404);
    expect((await send()).status).toBe(401);
  });

  it('a GET carrying a body (which its signature does not cover) replayed: the copy gets 401', async () => {
    const send = captured('GET', '/api/integration/configuration/', '{"x":1}');
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(401);
  });

  it('a changed body under a captured header is refused as a bad signature', async () => {
    const body = JSON.stringify({ connector: 4242, name: 'tampered' });
    const authorization = hmacAuthorization({ method: 'POST', fullUrl: `${sandbox.url}/api/integration/configuration/`, body, ...USERS.hmac, date: new Date() });
    const res = await rawRequest(sandbox.url, 'POST', '/api/integration/configuration/', { host: new URL(sandbox.url).host, authorization, 'content-type': 'application/json' }, body.replace('4242', '1'));
    expect(res.status).toBe(401);
    expect(res.text).toMatch(/fingerprint does not match/);
  });
});

describe('legitimate repeats still pass', () => {
  it('identical GETs without a body in the same second are all served', async () => {
    const send = captured('GET', '/api/integration/connectors/?name=sample-threat-intel');
    expect((await Promise.all([send(), send(), send()])).map((r) => r.status)).toEqual([200, 200, 200]);
  });
});
