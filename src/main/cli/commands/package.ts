/** `connector-studio package <folder> [-o FILE.tgz] [--force] [--exclude PATTERNS] [--progress] [--json]`: a
 * deterministic archive; exit 1 while validate reports errors (or the write fails), 2 for bad usage or input.
 * Progress goes to stderr when it is a terminal (one redrawn line) or with --progress (a line per 10%), so
 * stdout, and --json, stay clean. */
import path from 'node:path';
import type { ValidationReport } from '../../../shared/connector/findings';
import { isServiceError } from '../../services/errors';
import { throttleProgress } from '../../services/packaging/package';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, onlyPositional, parseArgs, type CliCommand, type CliIO } from '../command';
import { exitCodeFor } from '../errors';
import { withServices } from '../services';

const USAGE = 'package <folder> [-o FILE.tgz] [--force] [--exclude PATTERN,...] [--progress] [--json]';

/** Progress on stderr: a line redrawn in place on a terminal, otherwise a line every 10%. */
function progressPrinter(io: CliIO): { onProgress: (done: number, total: number) => void; end: () => void } {
  const text = (done: number, total: number) => `Packing ${done}/${total} entries (${Math.floor((done * 100) / total)}%)`;
  if (io.errIsTTY && io.errRaw) {
    const raw = io.errRaw.bind(io);
    let drawn = false;
    return {
      onProgress: throttleProgress((done, total) => {
        drawn = true;
        raw(`\r\x1b[K${text(done, total)}`);
      }),
      end: () => drawn && raw('\n'),
    };
  }
  return { onProgress: throttleProgress((done, total) => io.err(text(done, total)), 10), end: () => undefined };
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const fail = (code: number, msg: string) => (io.err(`connector-studio package: ${msg}`), code);
  let flags: Record<string, string | boolean>;
  let folder: string;
  try {
    let positional: string[];
    ({ flags, positional } = parseArgs(argv, { booleans: ['json', 'force', 'progress'], strings: ['out', 'exclude'], aliases: { o: 'out' } }));
    folder = onlyPositional(positional, 'name a connector folder', 'give exactly one connector folder');
  } catch (e) {
    return fail(EXIT_USAGE, `${(e as Error).message}\nUsage: connector-studio ${USAGE}`);
  }
  const progress = flags.progress === true || io.errIsTTY === true ? progressPrinter(io) : undefined;
  try {
    // The app's Export: the same validation gate and deterministic archive.
    const result = await withServices(io, async (s) =>
      (await s.authoring()).packageFolder(path.resolve(io.cwd, folder), {
        out: typeof flags.out === 'string' ? path.resolve(io.cwd, flags.out) : undefined,
        force: flags.force === true,
        exclude: typeof flags.exclude === 'string' ? flags.exclude.split(',').filter(Boolean) : undefined,
        onProgress: progress?.onProgress,
      }),
    );
    progress?.end();
    const { file, bytes, name, version, entries, report } = result;
    if (flags.json) io.out(JSON.stringify({ file, bytes, name, version, entries, summary: report?.summary }));
    else io.out(`Packaged ${name} ${version}: ${file} (${entries.length} entries, ${(bytes / 1024).toFixed(1)} KB)`);
    return EXIT_OK;
  } catch (e) {
    progress?.end();
    const report = isServiceError(e) && e.code === 'VALIDATION' ? (e.details as ValidationReport | undefined) : undefined;
    if (report?.summary) {
      if (flags.json) io.out(JSON.stringify({ refused: true, connector: report.connector, version: report.version, findings: report.findings, summary: report.summary }));
      return fail(EXIT_FAILED, (e as Error).message);
    }
    return fail(exitCodeFor(e), (e as Error).message);
  }
}

const command: CliCommand = { name: 'package', summary: 'build a deterministic .tgz; refuses while validate reports errors', usage: USAGE, run };
export default command;
