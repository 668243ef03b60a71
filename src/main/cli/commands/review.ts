/** `connector-studio review <folder|tgz> [--against <version>] [--certification] [--json] [--html FILE]
 * [--check-install]`: exit 0 when the review finds no errors, 1 when it does, 2 on bad usage or unreadable input.
 * --certification adds Fortinet's CI checks (the certification profile); only then can the verdict be
 * "Ready to certify". */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReviewProgress } from '../../../shared/models/review';
import { countsLine, locationOf, renderReviewHtml, type ReviewReport } from '../../services/review';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, onlyPositional, parseArgs, type CliCommand, type CliIO } from '../command';
import { exitCodeFor } from '../errors';
import { withServices } from '../services';

const USAGE = 'review <folder|tgz> [--against <version>] [--certification] [--json] [--html FILE] [--check-install]';

interface Args {
  readonly target: string;
  readonly json: boolean;
  readonly against?: string;
  readonly html?: string;
  readonly checkInstall: boolean;
  readonly certification: boolean;
}

function parse(argv: string[]): Args {
  const { flags, positional } = parseArgs(argv, { booleans: ['json', 'check-install', 'certification'], strings: ['against', 'html'] });
  const target = onlyPositional(positional, 'name a connector folder or .tgz', 'give exactly one folder or .tgz');
  const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
  return { target, json: flags.json === true, against: str(flags.against), html: str(flags.html), checkInstall: flags['check-install'] === true, certification: flags.certification === true };
}

/** Exactly the DESIGN.md shape: validate's keys, then sections and verdict. */
export function formatReviewJson(r: ReviewReport): string {
  const { connector, version, findings, summary, sections, verdict } = r;
  return JSON.stringify({ connector, version, findings, summary: { errors: summary.errors, warnings: summary.warnings, infos: summary.infos }, sections, verdict });
}

export function formatReviewHuman(r: ReviewReport): string {
  const lines = [`Review of ${r.connector} ${r.version}`];
  for (const s of r.sections) {
    lines.push('', `${s.title}: ${s.findings.length === 0 ? 'no findings' : s.findings.length}`);
    for (const f of s.findings) lines.push(`  ${f.severity} ${f.rule} ${locationOf(f)} ${f.message}`);
  }
  lines.push('', `${r.connector} ${r.version}: ${countsLine(r.summary)}`, r.verdict);
  return lines.join('\n');
}

/** On a terminal, each section on stderr as it finishes ("Python lint and syntax: 2 errors (1.8 s)"); stdout is
 * the report, unchanged. */
function sectionPrinter(io: CliIO): ((p: ReviewProgress) => void) | undefined {
  if (!io.errIsTTY) return undefined;
  const printed = new Set<string>();
  return (p) => {
    for (const s of p.sections) {
      if (s.state !== 'done' || printed.has(s.id) || !s.counts) continue;
      printed.add(s.id);
      const { errors, warnings, infos } = s.counts;
      const found = errors + warnings + infos === 0 ? 'no findings' : countsLine({ errors, warnings, infos });
      io.err(`  ${s.title}: ${found}${s.durationMs ? ` (${(s.durationMs / 1000).toFixed(1)} s)` : ''}`);
    }
  };
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`connector-studio review: ${(e as Error).message}\nUsage: connector-studio ${USAGE}`);
    return EXIT_USAGE;
  }
  const fail = (e: unknown, phase: 'reading' | 'acting') => (io.err(`connector-studio review: ${(e as Error).message}`), exitCodeFor(e, phase));
  let report: ReviewReport;
  try {
    // The app's reviewer: pyright resolves imports against the connector's virtualenv and the configured Python.
    report = await withServices(io, async (s) => (await s.reviewer()).review(path.resolve(io.cwd, args.target), {
        against: args.against,
        checkInstall: args.checkInstall,
        certification: args.certification,
        cwd: io.cwd,
        onProgress: sectionPrinter(io),
      }));
  } catch (e) {
    return fail(e, 'reading');
  }
  try {
    if (args.html) await writeFile(path.resolve(io.cwd, args.html), renderReviewHtml(report, { generatedAt: new Date().toISOString() }));
  } catch (e) {
    return fail(e, 'acting');
  }
  io.out(args.json ? formatReviewJson(report) : formatReviewHuman(report));
  return report.summary.errors > 0 ? EXIT_FAILED : EXIT_OK;
}

const review: CliCommand = {
  name: 'review',
  summary: "a reviewer's report on a connector folder or .tgz; exit 1 if any error",
  usage: USAGE,
  run,
};

export default review;
