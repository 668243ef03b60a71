import { describe, expect, it } from 'vitest';
import { CASSETTE_NAME, HEALTH_OPERATION, cassetteRelPath } from './cassette';

describe('cassette naming', () => {
  it('puts a cassette under tests/cassettes, named by operation and name', () => {
    expect(cassetteRelPath('get_ip_reputation', 'ip')).toBe('tests/cassettes/get_ip_reputation-ip.json');
    expect(cassetteRelPath(HEALTH_OPERATION, 'default')).toBe('tests/cassettes/check_health-default.json');
  });

  it('accepts plain names and refuses ones that could leave the folder', () => {
    for (const ok of ['ip', 'v1.2', 'happy_path-2']) expect(CASSETTE_NAME.test(ok)).toBe(true);
    for (const bad of ['', '../x', 'a/b', 'a\\b', 'with space', 'x'.repeat(201)]) expect(CASSETTE_NAME.test(bad)).toBe(false);
  });
});
