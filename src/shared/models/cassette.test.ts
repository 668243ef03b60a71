import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../schemas/requests';
import { CASSETTE_NAME, HEALTH_OPERATION, cassetteRelPath } from './cassette';

const OK_NAMES = ['ip', 'v1.2', 'happy_path-2', 'x'.repeat(200)];
const BAD_NAMES = ['', '../x', 'a/b', 'a\\b', 'with space', 'x'.repeat(201)];

describe('cassette naming', () => {
  it('puts a cassette under tests/cassettes, named by operation and name', () => {
    expect(cassetteRelPath('get_ip_reputation', 'ip')).toBe('tests/cassettes/get_ip_reputation-ip.json');
    expect(cassetteRelPath(HEALTH_OPERATION, 'default')).toBe('tests/cassettes/check_health-default.json');
  });

  it('accepts plain names and refuses ones that could leave the folder', () => {
    for (const ok of ['ip', 'v1.2', 'happy_path-2']) expect(CASSETTE_NAME.test(ok)).toBe(true);
    for (const bad of ['', '../x', 'a/b', 'a\\b', 'with space', 'x'.repeat(201)]) expect(CASSETTE_NAME.test(bad)).toBe(false);
  });

  it('the request schema takes the same names as CASSETTE_NAME (it once had its own copy of the rule)', () => {
    const validate = new Ajv({ strict: false }).compile(requestSchemas['runtime.health']);
    const request = (name: string) => ({ projectId: 'a'.repeat(12), configId: 'c', cassette: { mode: 'replay', name } });
    expect(validate({ projectId: 'a'.repeat(12), configId: 'c' }), JSON.stringify(validate.errors)).toBe(true);
    for (const name of [...OK_NAMES, ...BAD_NAMES]) expect(validate(request(name)), name).toBe(CASSETTE_NAME.test(name));
  });
});
