import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { describeGitFailure } from './remote-errors';

const gitError = (kind: string, message = 'git said no', output?: string) => new ApiError('git.push', { code: 'GIT', message, details: { kind, output } });

describe('describeGitFailure', () => {
  it.each([
    ['non-fast-forward', 'Pull first', 'pull'],
    ['no-upstream', 'No upstream branch', 'set-upstream'],
    ['auth-failed', 'Authentication failed', null],
    ['conflict', 'Merge conflicts', 'resolve'],
    ['not-merged', 'Branch not merged', 'force-delete'],
    ['network', 'The remote cannot be reached', null],
  ])('%s -> %s', (kind, title, action) => {
    const v = describeGitFailure(gitError(kind));
    expect(v).toMatchObject({ kind, title, action, message: 'git said no' });
  });

  it('keeps git output for the details and copes with errors that are not from git', () => {
    expect(describeGitFailure(gitError('network', 'x', 'fatal: unable to access')).output).toBe('fatal: unable to access');
    expect(describeGitFailure(new Error('boom'))).toEqual({ kind: 'other', title: 'git failed', message: 'boom', action: null });
  });
});
