/** A sandbox token is header.payload.signature: anything appended to a valid token makes it invalid. */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Sandbox } from '../../src/main/sandbox/server';
import { USERS, rawRequest, sandboxWithUsers, tempDir } from '../../src/main/sandbox/test-kit';

const tmp = tempDir('cs-sec-jwt-');
let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
  const login = await rawRequest(sandbox.url, 'POST', '/auth/authenticate', { 'content-type': 'application/json' }, JSON.stringify({ credentials: { loginid: USERS.admin.name, password: USERS.admin.password } }));
  token = (login.json as { token: string }).token;
});
afterAll(async () => {
  await sandbox.close();
  tmp.dispose();
});

const users = (bearer: string) => rawRequest(sandbox.url, 'GET', '/api/3/people', { authorization: `Bearer ${bearer}` });

it('accepts the token as issued', async () => {
  expect(token.split('.')).toHaveLength(3);
  expect((await users(token)).status).toBe(200);
});

it.each([
  ['an extra ".x" segment', (t: string) => `${t}.x`],
  ['an empty fourth segment', (t: string) => `${t}.`],
  ['two extra segments', (t: string) => `${t}.x.y`],
  ['the signature repeated', (t: string) => `${t}.${t.split('.')[2]}`],
])('refuses a valid token with %s: 401', async (_what, change) => {
  const res = await users(change(token));
  expect(res.status).toBe(401);
  expect(res.json).toMatchObject({ 'hydra:description': 'Invalid JWT Token' });
});
