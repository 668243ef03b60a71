import { describe, expect, it } from 'vitest';
import { toVersionSpec } from './version-spec';

describe('toVersionSpec', () => {
  it.each([
    ['v1.0.0', 'git:v1.0.0'],
    [' 1.2.0 ', 'git:1.2.0'],
    ['main', 'git:main'],
    ['git:HEAD~1', 'git:HEAD~1'],
    ['git:', 'git:'],
    ['/home/me/connector-x/x', '/home/me/connector-x/x'],
    ['../old/x', '../old/x'],
    ['C:\\old\\x', 'C:\\old\\x'],
    ['x-1.0.0.tgz', 'x-1.0.0.tgz'],
    ['x-1.0.0.tar.gz', 'x-1.0.0.tar.gz'],
    ['', ''],
  ])('%j -> %j', (input, spec) => expect(toVersionSpec(input)).toBe(spec));
});
