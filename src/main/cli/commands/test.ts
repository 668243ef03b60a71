import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CASSETTES_DIR, CASSETTE_NAME } from '../../../shared/models/cassette';
import type { TestCliJson, TestRunReport } from '../../../shared/models/connector-tests';
import { saveTest } from '../../services/connector-tests/generate';
import { readConnectorInfo } from '../../services/runtime/connector-info';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, parseArgs, type CliCommand, type CliIO } from '../command';
import { InputError } from '../errors';
import { connectorFolder, projectRootOf } from '../inputs';
import { resourcesDir, withServices } from '../services';

/** `<folder>` is the connector folder, or the project around it (`connector-<name>/` holding one connector). */
function placeOf(arg: string, cwd: string): { root: string; connectorDir: string } {
  const folder = path.resolve(cwd, arg);
  if (existsSync(path.join(folder, 'info.json'))) {
    const connectorDir = connectorFolder(arg, cwd);
    return { root: projectRootOf(connectorDir), connectorDir };
  }
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new InputError(`no such folder: ${folder}`);
  const inside = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(folder, e.name, 'info.json')));
  const [only] = inside;
  if (inside.length !== 1 || !only)
    throw new InputError(`${folder} is neither a connector folder nor a project holding one (${inside.length ? `it holds ${inside.map((e) => e.name).join(', ')}` : 'no folder in it has an info.json'})`);
  return { root: folder, connectorDir: connectorFolder(path.join(folder, only.name), cwd) };
}

/** A recording from `--new-from`: a path, `NAME` when exactly one `*-NAME.json` exists, or `<operation>-<NAME>`. */
function recordingOf(value: string, root: string, cwd: string, operations: readonly string[]): { operation: string; name: string } {
  const dir = path.join(root, CASSETTES_DIR);
  const split = (file: string) => {
    const base = path.basename(file).replace(/\.json$/i, '');
    const operation = [...operations].sort((a, b) => b.length - a.length).find((op) => base.startsWith(`${op}-`));
    if (!operation) throw new InputError(`${file} is not named <operation>-<NAME>.json for an operation of this connector (${operations.join(', ')})`);
    return { operation, name: base.slice(operation.length + 1) };
  };
  if (/[\\/]/.test(value) || value.toLowerCase().endsWith('.json')) {
    const file = path.resolve(cwd, value);
    if (path.dirname(file) !== dir) throw new InputError(`${file} is not in ${dir}: a test replays the project's own cassettes`);
    if (!existsSync(file)) throw new InputError(`no such cassette: ${file}`);
    return split(file);
  }
  if (!CASSETTE_NAME.test(value)) throw new InputError(`--new-from ${value}: a cassette name has only letters, digits, ".", "-" and "_"`);
  const cassettes = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.run.json')) : [];
  if (cassettes.includes(`${value}.json`)) return split(`${value}.json`);
  const matches = cassettes.filter((f) => f.endsWith(`-${value}.json`));
  const [match] = matches;
  if (match !== undefined && matches.length === 1) return split(match);
  throw new InputError(
    matches.length
      ? `--new-from ${value} matches ${matches.length} cassettes: ${matches.join(', ')}; give <operation>-${value}`
      : `--new-from ${value}: no cassette ${value}.json or *-${value}.json in ${dir}${cassettes.length ? ` (there are: ${cassettes.join(', ')})` : ''}; record one with \`run --record ${value}\``,
  );
}

function human(report: TestRunReport): string {
  const { passed, failed, skipped } = report.summary;
  return [report.output.trimEnd(), `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`].join('\n');
}

function asJson(report: TestRunReport): TestCliJson {
  return { tests: report.tests.map(({ id, status, durationMs, message }) => ({ id, status, durationMs, ...(message ? { message } : {}) })), summary: report.summary };
}

async function newFrom(io: CliIO, place: { root: string; connectorDir: string }, value: string): Promise<number> {
  const operations = [...readConnectorInfo(place.connectorDir).operations.keys(), 'check_health'];
  const { operation, name } = recordingOf(value, place.root, io.cwd, operations);
  const saved = await saveTest({ ...place, resourcesDir: resourcesDir(), operation, name, mode: 'exact' }).catch((e: Error) => {
    throw new InputError(e.message);
  });
  io.out(path.join(place.root, saved.relPath));
  return EXIT_OK;
}

const test: CliCommand = {
  name: 'test',
  summary: "run a connector project's tests (tests/test_*.py) offline, or make one from a recording",
  usage: 'test <folder> [--junit FILE] [--json] [-k EXPR] | test <folder> --new-from <cassette>',
  async run(argv, io) {
    const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['junit', 'k', 'new-from'] });
    const [folderArg, extra] = positional;
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    if (!folderArg) throw new UsageError('give the project or connector folder');
    let place: { root: string; connectorDir: string };
    try {
      place = placeOf(folderArg, io.cwd);
      if (typeof flags['new-from'] === 'string') return await newFrom(io, place, flags['new-from']);
    } catch (e) {
      throw e instanceof InputError ? new UsageError(e.message) : e;
    }
    const junitFile = typeof flags.junit === 'string' ? path.resolve(io.cwd, flags.junit) : undefined;
    const report = await withServices(io, async (s) =>
      (await s.pytest()).run(place, { ...(junitFile ? { junitFile } : {}), ...(typeof flags.k === 'string' ? { keyword: flags.k } : {}), say: (line) => io.err(line) }),
    );
    if (report.exitCode === 5 || (report.exitCode === 0 && report.tests.length === 0)) {
      io.err(`connector-studio: no tests collected in ${path.join(place.root, 'tests')} (test_*.py${typeof flags.k === 'string' ? `, -k ${flags.k}` : ''}); make one with \`test ${folderArg} --new-from <cassette>\``);
      if (flags.json === true) io.out(JSON.stringify(asJson(report)));
      return EXIT_USAGE;
    }
    if (report.errors.length) io.err(report.errors.join('\n'));
    io.out(flags.json === true ? JSON.stringify(asJson(report)) : human(report));
    return report.exitCode === 0 && report.summary.failed === 0 ? EXIT_OK : EXIT_FAILED;
  },
};
export default test;
