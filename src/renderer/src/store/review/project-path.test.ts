import { describe, expect, it } from 'vitest';
import { projectRelative } from './project-path';

describe('projectRelative', () => {
  it.each([
    ['sample', 'operations.py', 'sample/operations.py'],
    ['sample', '../tests/test_ops.py', 'tests/test_ops.py'],
    ['', 'connector.py', 'connector.py'],
    ['a/b', '../../setup.py', 'setup.py'],
  ])('%s + %s is %s', (rel, path, want) => expect(projectRelative(rel, path)).toBe(want));

  it('refuses a path that leaves the project', () => {
    expect(projectRelative('sample', '../../etc/passwd')).toBeUndefined();
    expect(projectRelative('', '../x.py')).toBeUndefined();
  });
});
