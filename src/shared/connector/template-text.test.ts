import { describe, expect, it } from 'vitest';
import { NEW_OPERATION, STUB_RAISE, isMadeUpName, nameFollowsTitle, nameFromTitle, stubMessage } from './template-text';

describe('template text', () => {
  it('derives names from titles as FortiSOAR names operations and fields', () => {
    expect(nameFromTitle('Get IP Reputation')).toBe('get_ip_reputation');
    expect(nameFromTitle('  Block URL (v2)! ')).toBe('block_url_v2');
    expect(nameFromTitle('3rd Party')).toBe('_3rd_party');
  });
  it('a name follows its title while it is made up or what the old title gave, and stops once typed by hand', () => {
    expect(isMadeUpName('new_action_3', NEW_OPERATION.name)).toBe(true);
    expect(isMadeUpName('new_actions', NEW_OPERATION.name)).toBe(false);
    expect(nameFollowsTitle('new_action', 'New Action', NEW_OPERATION.name)).toBe(true);
    expect(nameFollowsTitle('get_ip', 'Get IP', NEW_OPERATION.name)).toBe(true);
    expect(nameFollowsTitle('lookup_ip', 'Get IP', NEW_OPERATION.name)).toBe(false);
  });
  it('finds the stub raise in either quote style and names its operation', () => {
    const code = `def a(config, params):\n    raise NotImplementedError('${stubMessage('get_ip')}')\n    raise NotImplementedError("${stubMessage('b')}")\n`;
    expect([...code.matchAll(STUB_RAISE)].map((m) => m[2])).toEqual(['get_ip', 'b']);
  });
});
