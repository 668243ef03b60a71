/** Real repositories for the git tests (no mocks): a fresh repo with a known identity, and a bare "remote". */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tmpDir } from '../../../../tests/helpers/tmp';

/** Runs git in `cwd` and returns its trimmed stdout. */
export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }).trim();
}

export async function put(dir: string, rel: string, text: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), text);
}

function identify(dir: string, name = 'Test User', email = 'test@example.com') {
  sh(dir, 'config', 'user.name', name);
  sh(dir, 'config', 'user.email', email);
  sh(dir, 'config', 'commit.gpgsign', 'false');
  sh(dir, 'config', 'tag.gpgsign', 'false');
}

/** A repository on `main` with one commit holding `files`. */
export async function newRepo(files: Record<string, string> = { 'info.json': '{"version":"1.0.0"}\n' }): Promise<string> {
  const dir = await tmpDir('cs-git-');
  sh(dir, 'init', '-q', '-b', 'main');
  identify(dir);
  for (const [rel, text] of Object.entries(files)) await put(dir, rel, text);
  sh(dir, 'add', '-A');
  sh(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

/** A bare repository seeded from `from` (all branches), plus a clone of it with an identity set. */
export async function withRemote(from: string): Promise<{ bare: string; other: string }> {
  const bare = path.join(await tmpDir('cs-bare-'), 'remote.git');
  sh(path.dirname(bare), 'init', '-q', '--bare', '-b', 'main', bare);
  sh(from, 'remote', 'add', 'origin', bare);
  sh(from, 'push', '-q', '-u', 'origin', 'main');
  const other = path.join(await tmpDir('cs-other-'), 'other');
  sh(path.dirname(other), 'clone', '-q', bare, other);
  identify(other, 'Other User', 'other@example.com');
  return { bare, other };
}
