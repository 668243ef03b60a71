import { describe, expect, it } from 'vitest';
import { followedName } from './follow-title';

describe('a name follows its title until edited by hand', () => {
  it('a made-up name takes the new title\'s name, unique among its siblings', () => {
    expect(followedName('new_action', 'New Action', 'Get IP Reputation', 'new_action', ['new_action'])).toBe('get_ip_reputation');
    expect(followedName('new_field_2', 'New Field', 'IP', 'new_field', ['ip', 'new_field_2'])).toBe('ip_2');
  });
  it('keeps following while the name is what the previous title gave', () => {
    expect(followedName('get_ip', 'Get IP', 'Get IP Reputation', 'new_action', [])).toBe('get_ip_reputation');
  });
  it('stops once the user typed a name of their own, and never empties a name', () => {
    expect(followedName('lookup', 'Get IP', 'Get IP Reputation', 'new_action', [])).toBeNull();
    expect(followedName('new_action', 'New Action', '  ', 'new_action', [])).toBeNull();
  });
});
