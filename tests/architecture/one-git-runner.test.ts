/** Issue 13: git runs through one runner (src/main/services/git/git-runner.ts), so Settings' git path, the
 * non-interactive environment, the workspace-trust overrides and the timeouts apply to every command. Any other
 * file under src/ that imports simple-git or starts git through child_process fails this test. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder, isScriptFile } from '../helpers/source-files';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/tmp';

const SRC = path.join(REPO_ROOT, 'src');
const RUNNER = 'main/services/git/git-runner.ts';

/** Tests and their fixture helper build repositories and check the results with plain git on purpose: they look
 * at what the app did from outside it, and a hostile fixture must be built without the app's protections. */
const isTestCode = (rel: string) => /\.test\.tsx?$/.test(rel) || rel === 'main/services/git/test-repos.ts';

/** git named first: a string whose command is git (`'git'`, `'/usr/bin/git'`, `` `git status` ``) or a name with git in it
 * (`gitBinary`, `opts.gitBinary()`). */
const GIT_ARG = String.raw`(?:['"\`](?:[^'"\`\s]*[\\/])?git(?:\.exe)?(?:['"\`]|\s)|[\w.]*git\w*(?:\(\s*\))?\s*,)`;
const CHILD_PROCESS_CALL = String.raw`\b(?:execFileSync|execFile|spawnSync|spawn|execSync|exec|fork)\s*\)?\s*\(\s*`;

const RULES: ReadonlyArray<readonly [string, RegExp, ((text: string) => boolean)?]> = [
  ['imports simple-git', /\bfrom\s*['"]simple-git['"]|\b(?:require|import)\s*\(\s*['"]simple-git['"]\s*\)/],
  ['builds a simple-git client', /\bsimpleGit\s*\(/],
  ['starts git through child_process', new RegExp(CHILD_PROCESS_CALL + GIT_ARG, 'i')],
  // `const run = promisify(execFile); run('git', [...])`: in a file that uses child_process, any call that names git first.
  ['starts git through a child_process wrapper', /\(\s*['"`]git(?:\.exe)?['"`]\s*,/, (text) => /['"](?:node:)?child_process['"]/.test(text)],
];

function offences(text: string): string[] {
  return RULES.filter(([, re, applies]) => (applies ? applies(text) : true) && re.test(text)).map(([name]) => name);
}

const sourceFiles = (dir: string) => filesUnder(dir, isScriptFile);

describe('one git runner', () => {
  it('recognises every way of starting git it is meant to catch, and nothing else', () => {
    const caught = [
      "import { simpleGit } from 'simple-git';",
      "import type { SimpleGit } from 'simple-git';",
      "const sg = require('simple-git');",
      'return simpleGit({ baseDir: dir })',
      "execFile('git', ['status'], cb)",
      "execFileSync(gitBinary, ['config', '--list'])",
      "spawn(opts.gitBinary(), ['fetch'])",
      "cp.spawnSync('/usr/bin/git', ['log'])",
      "exec(`git status`, cb)",
      "await promisify(execFile)('git', ['log'])",
      "import { execFile } from 'node:child_process';\nconst run = promisify(execFile);\nrun('git', ['tag']);",
    ];
    for (const text of caught) expect(offences(text), text).not.toEqual([]);
    const fine = [
      "useAppStore.getState().showSidebar('git');",
      "spawn(process.execPath, [cli, '--stdio'])",
      "execFile(python, ['-c', 'print(1)'], cb)",
      "import type { GitService } from '../git/git-service';",
      "DRIVER_KEY.exec(key.trim())",
      "const kind = run('git', ['x']); // no child_process here",
    ];
    for (const text of fine) expect(offences(text), text).toEqual([]);
  });

  it('the runner itself is what the rules see (the scan reads real files)', () => {
    expect(offences(readFileSync(path.join(SRC, RUNNER), 'utf8'))).toEqual(expect.arrayContaining(['imports simple-git', 'builds a simple-git client', 'starts git through child_process']));
  });

  it('no file under src/ but the runner imports simple-git or starts git itself', () => {
    const files = sourceFiles(SRC).filter((rel) => rel !== RUNNER && !isTestCode(rel));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((rel) => offences(readFileSync(path.join(SRC, rel), 'utf8')).map((o) => `src/${rel}: ${o} (use gitClient from ${RUNNER})`));
    expect(found).toEqual([]);
  });
});
