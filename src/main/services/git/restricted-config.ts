/** What git may run on a restricted folder. A repository's own config (and the attributes that point into it)
 * can turn an ordinary `git status` into a command: fsmonitor, hooks, filters, textconv and external diff
 * drivers, merge drivers, pagers, editors, signing programs, credential helpers, ssh. For a folder the user has
 * not trusted, each of these is overridden with a harmless value at command-line precedence, passed through
 * GIT_CONFIG_COUNT by the one git runner (git-runner.ts). */

const NO_HOOKS = process.platform === 'win32' ? 'NUL' : '/dev/null';

/** Fixed overrides. `cat` is the identity for filters and textconv, so content reads as stored. */
export const RESTRICTED_OVERRIDES: ReadonlyArray<readonly [string, string]> = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', NO_HOOKS],
  ['core.sshCommand', 'ssh -o BatchMode=yes'],
  ['core.pager', 'cat'],
  ['core.editor', ':'],
  ['sequence.editor', ':'],
  ['core.askPass', ''],
  ['core.gitProxy', ''],
  ['core.alternateRefsCommand', ''],
  ['diff.external', 'cat'],
  ['gpg.program', 'gpg'],
  ['gpg.ssh.program', 'ssh-keygen'],
  ['gpg.x509.program', 'gpgsm'],
  ['commit.gpgSign', 'false'],
  ['tag.gpgSign', 'false'],
  ['credential.helper', ''],
  ['protocol.ext.allow', 'never'],
];

/** Per-driver keys: a driver named in .gitattributes runs whatever the repository's config gives it. */
const DRIVER_KEY = /^(filter|diff|merge)\.(.+)\.(clean|smudge|process|textconv|command|driver)$/i;

function driverOverrides(names: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const key of names) {
    const m = DRIVER_KEY.exec(key.trim());
    if (!m) continue;
    const [, kind, name] = m;
    const id = `${kind!.toLowerCase()}.${name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (kind!.toLowerCase() === 'filter')
      out.push([`filter.${name}.clean`, 'cat'], [`filter.${name}.smudge`, 'cat'], [`filter.${name}.process`, ''], [`filter.${name}.required`, 'false']);
    else if (kind!.toLowerCase() === 'diff') out.push([`diff.${name}.textconv`, 'cat'], [`diff.${name}.command`, 'cat']);
    else out.push([`merge.${name}.driver`, 'false']);
  }
  return out;
}

export function configEnv(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(pairs.length) };
  pairs.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = k;
    env[`GIT_CONFIG_VALUE_${i}`] = v;
  });
  return env;
}

/** What the runner (git-runner.ts) runs to find the driver keys a folder's config defines, and the environment
 * it runs that with: `git config` itself runs no hook, filter or fsmonitor, and the fixed overrides apply. */
export const DRIVER_KEYS_ARGS: readonly string[] = ['config', '--name-only', '--get-regexp', '^(filter|diff|merge)\\.'];
export const RESTRICTED_PROBE_ENV: Readonly<Record<string, string>> = configEnv(RESTRICTED_OVERRIDES);

/** The environment that makes git safe to run in a folder the user has not trusted, given the driver keys its
 * config defines. */
export function restrictedConfigEnv(driverKeys: readonly string[]): Record<string, string> {
  return configEnv([...RESTRICTED_OVERRIDES, ...driverOverrides(driverKeys)]);
}
