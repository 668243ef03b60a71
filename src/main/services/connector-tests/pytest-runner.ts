/** pytest over a project's `tests/test_*.py`, offline, in the connector's environment: pytest comes from the tools
 * environment (installed on first use), the framework shims and the replay from Connector Studio's runtime
 * folder (CS_RUNTIME, read by the project's tests/connector_studio_helpers.py), the simulated platform from the
 * caller. One runner for the Tests view and `connector-studio test`. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { secretRuleFor } from '../../../shared/connector/secret-fields';
import { RUNTIME_ENV, TESTS_DIR, type CollectedTest, type TestCollection, type TestRunReport } from '../../../shared/models/connector-tests';
import { ServiceError } from '../errors';
import { readConnectorInfo } from '../runtime/connector-info';
import { toolsWorkerEnv } from '../runtime/python-environments';
import { killTree } from '../runtime/process-tree';
import { inheritedEnvironment } from '../runtime/worker-env';
import { resolveInside } from '../workspace/safe-path';
import { parseJunit } from './junit';
import { isMissing } from '../errors';

export interface PytestDeps {
  readonly resourcesDir: string;
  readonly userDataDir: string;
  /** The interpreter the connector runs on (its venv, the platform default, else Settings'). */
  readonly pythonFor: (connectorDir: string) => Promise<string[]>;
  /** Installs pytest into the tools environment of that interpreter unless it is there; progress goes to `say`. */
  readonly ensurePytest: (connectorDir: string, say: (line: string) => void) => Promise<void>;
  /** The simulated platform's variables (CS_PLATFORM_URL, CS_PLATFORM_TOKEN) for the connector, when there is one. */
  readonly platformEnv?: (connectorDir: string) => Promise<Record<string, string>>;
  /** Longest a pytest run may take before it is stopped. */
  readonly timeoutMs?: number;
}

export interface TestPlace {
  readonly root: string;
  readonly connectorDir: string;
}

export interface RunOptions {
  /** A file or node id relative to the root; all `tests/test_*.py` without one. */
  readonly target?: string;
  /** pytest's -k expression. */
  readonly keyword?: string;
  /** Where pytest's JUnit XML goes (kept); a temporary file otherwise. */
  readonly junitFile?: string;
  readonly say?: (line: string) => void;
}

/** `tests/test_*.py` of the project, relative to its root, sorted. */
export function testFilesOf(root: string): string[] {
  const dir = path.join(root, TESTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /^test_.*\.py$/.test(e.name))
    .map((e) => `${TESTS_DIR}/${e.name}`)
    .sort();
}

function lineOf(root: string, relPath: string, name: string, cache: Map<string, string[]>): number | undefined {
  let lines = cache.get(relPath);
  if (!lines) {
    try {
      lines = readFileSync(path.join(root, relPath), 'utf8').split('\n');
    } catch (e) {
      if (!isMissing(e)) throw e;
      lines = []; // pytest named a file that is gone since: the test has no line to point at
    }
    cache.set(relPath, lines);
  }
  const fn = name.replace(/\[.*$/, '');
  const i = lines.findIndex((l) => new RegExp(`^\\s*(async\\s+)?def ${fn}\\(`).test(l));
  return i < 0 ? undefined : i + 1;
}

export function createPytestRunner(deps: PytestDeps) {
  const runtimeDir = path.join(deps.resourcesDir, 'python');

  async function pytest(place: TestPlace, args: string[], say: (line: string) => void): Promise<{ code: number; output: string }> {
    await deps.ensurePytest(place.connectorDir, say);
    const python = await deps.pythonFor(place.connectorDir);
    const env = {
      ...inheritedEnvironment(process.env),
      ...toolsWorkerEnv(deps.userDataDir),
      ...((await deps.platformEnv?.(place.connectorDir)) ?? {}),
      [RUNTIME_ENV]: runtimeDir,
      CS_CONNECTOR: path.resolve(place.connectorDir),
      CS_SECRET_RULE: JSON.stringify(secretRuleFor(readConnectorInfo(place.connectorDir).passwordFields)),
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONIOENCODING: 'utf-8',
    };
    const script = path.join(runtimeDir, 'project_tests', 'run_pytest.py');
    const base = ['-p', 'no:cacheprovider', '--rootdir', place.root, '-o', 'junit_family=xunit1', '-o', 'console_output_style=classic'];
    const [command, ...pythonArgs] = python;
    if (!command) throw new ServiceError('VALIDATION', 'No Python interpreter to run pytest with: pick one in Settings > Runtime.');
    return new Promise((resolve, reject) => {
      const child = spawn(command, [...pythonArgs, script, ...base, ...args], { cwd: place.root, env, detached: process.platform !== 'win32' });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const timer = setTimeout(() => {
        output += `\nStopped: the tests ran longer than ${Math.round((deps.timeoutMs ?? 0) / 1000)} s.\n`;
        if (child.pid) void killTree(child.pid);
      }, deps.timeoutMs ?? 10 * 60_000);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`Could not start pytest with ${python.join(' ')}: ${e.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? 1, output });
      });
    });
  }

  async function targetArgs(place: TestPlace, target: string | undefined): Promise<string[]> {
    if (!target) return testFilesOf(place.root);
    const [file, ...rest] = target.split('::');
    // Only a test file of the project: anything else would reach pytest as an option (`--junitxml=...`) or a path.
    if (file === undefined || !/^tests\/test_[^/\\]*\.py$/.test(file) || rest.some((r) => !r || r.startsWith('-')))
      throw new ServiceError('VALIDATION', `"${target}" is not a test of this project: give tests/test_<name>.py, optionally with ::<test function>.`);
    await resolveInside(place.root, file); // and never through a link that leads outside
    return [target];
  }

  async function list(place: TestPlace, say: (line: string) => void = () => undefined): Promise<TestCollection> {
    const files = testFilesOf(place.root);
    if (!files.length) return { tests: [], errors: [] };
    const { code, output } = await pytest(place, ['--collect-only', '-q', ...files], say);
    const cache = new Map<string, string[]>();
    const tests: CollectedTest[] = output
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[^\s:]+\.py::\S/.test(l))
      .map((id) => {
        const [relPath = '', ...names] = id.split('::');
        const name = names.join('::');
        const line = lineOf(place.root, relPath, names[names.length - 1] ?? '', cache);
        return { id, relPath, name, ...(line ? { line } : {}) };
      });
    return { tests, errors: code === 0 || code === 5 ? [] : [output.trim()] };
  }

  async function run(place: TestPlace, o: RunOptions = {}): Promise<TestRunReport> {
    const started = Date.now();
    const temp = o.junitFile ? undefined : await mkdtemp(path.join(os.tmpdir(), 'cs-tests-'));
    const junit = o.junitFile ?? path.join(temp as string, 'junit.xml');
    try {
      const targets = await targetArgs(place, o.target);
      if (!targets.length) return { tests: [], summary: { passed: 0, failed: 0, skipped: 0 }, exitCode: 5, errors: [], output: `No tests: ${TESTS_DIR}/test_*.py holds none.`, durationMs: 0 };
      const { code, output } = await pytest(place, ['-vv', '--tb=short', `--junitxml=${junit}`, ...(o.keyword ? ['-k', o.keyword] : []), ...targets], o.say ?? (() => undefined));
      const xml = existsSync(junit) ? await readFile(junit, 'utf8') : '';
      const cache = new Map<string, string[]>();
      const tests = parseJunit(xml).map((t) => {
        if (t.line !== undefined) return t;
        const [relPath = '', ...names] = t.id.split('::');
        const line = lineOf(place.root, relPath, names[names.length - 1] ?? '', cache);
        return line ? { ...t, line } : t;
      });
      const count = (s: string) => tests.filter((t) => t.status === s).length;
      const errors = code === 0 || code === 1 || code === 5 ? [] : [output.trim().split('\n').slice(-40).join('\n')];
      return { tests, summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') }, exitCode: code, errors, output, durationMs: Date.now() - started };
    } finally {
      if (temp) await rm(temp, { recursive: true, force: true });
    }
  }

  return { list, run };
}
export type PytestRunner = ReturnType<typeof createPytestRunner>;
