/** `connector-studio validate <folder|tgz> [--json] [--metadata-only]`: exit 0 clean, 1 errors found,
 * 2 bad usage or unreadable input (missing path, not a connector, broken or unsafe archive). */
import path from 'node:path';
import type { Finding, ValidationReport } from '../../../shared/connector/findings';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, onlyPositional, parseArgs, type CliCommand, type CliIO } from '../command';
import { exitCodeFor } from '../errors';
import { withServices } from '../services';

const USAGE = 'validate <folder|tgz> [--json] [--metadata-only]';

export function formatLocation(f: Finding): string {
  if (f.line !== undefined) return `${f.path}:${f.line}:${f.column ?? 1}`;
  if (f.pointer !== undefined) return `${f.path}#${f.pointer}`;
  return f.path;
}

export function formatHuman(report: ValidationReport): string {
  const lines = report.findings.map((f) => `${f.severity} ${f.rule} ${formatLocation(f)} ${f.message}`);
  const { errors, warnings, infos } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${report.connector} ${report.version}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`);
  return lines.join('\n');
}

/** Exactly the DESIGN.md shape, keys in order. */
export function formatJson(report: ValidationReport): string {
  const { connector, version, findings, summary } = report;
  return JSON.stringify({ connector, version, findings, summary: { errors: summary.errors, warnings: summary.warnings, infos: summary.infos } });
}

function parse(argv: string[]): { target: string; json: boolean; metadataOnly: boolean } {
  const { flags, positional } = parseArgs(argv, { booleans: ['json', 'metadata-only'] });
  const target = onlyPositional(positional, 'name a connector folder or .tgz', 'give exactly one folder or .tgz');
  return { target, json: flags.json === true, metadataOnly: flags['metadata-only'] === true };
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`connector-studio validate: ${(e as Error).message}\nUsage: connector-studio ${USAGE}`);
    return EXIT_USAGE;
  }
  let report: ValidationReport;
  try {
    report = await withServices(io, async (s) => (await s.validate()).validatePath(path.resolve(io.cwd, args.target), { metadataOnly: args.metadataOnly }));
  } catch (e) {
    io.err(`connector-studio validate: ${(e as Error).message}`);
    return exitCodeFor(e, 'reading');
  }
  io.out(args.json ? formatJson(report) : formatHuman(report));
  return report.summary.errors > 0 ? EXIT_FAILED : EXIT_OK;
}

const validate: CliCommand = {
  name: 'validate',
  summary: 'check a connector folder or .tgz; exit 1 if any error',
  usage: USAGE,
  run,
};

export default validate;
