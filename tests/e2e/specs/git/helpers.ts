import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../host';

/** git in a test folder, with an identity of its own so the machine's configuration does not matter. */
export const gitIn = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=E2E Other', '-c', 'user.email=other@e2e.test', ...args], { cwd, encoding: 'utf8' }).trim();

export const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
