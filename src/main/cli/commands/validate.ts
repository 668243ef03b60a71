/** `connector-studio validate <folder|tgz>... [--json] [--metadata-only] [--fix] [--profile server|certification]`:
 * exit 0 clean, 1 errors found,
 * 2 bad usage or unreadable input (missing path, not a connector, broken or unsafe archive). With several targets,
 * one line each and a total; exit 2 if any target is unreadable, else 1 if any has an error. */
import path from 'node:path';
import type { Finding, ValidationReport } from '../../../shared/connector/findings';
import type { FixedEntry } from '../../../shared/connector/fix-text';
import { VALIDATION_PROFILES, isValidationProfile, type ValidationProfile } from '../../../shared/connector/profiles';
import { countsText, plural } from '../../../shared/plural';
import type { ValidateService } from '../../services/validate';
import { statIfPresent } from '../../services/workspace/fs-probe';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, parseArgs, type CliCommand, type CliIO } from '../command';
import { exitCodeFor, InputError } from '../errors';
import { withServices } from '../services';
import { expandTargets, type Target } from './validate-targets';
import { isBelow } from '../../services/workspace/safe-path';

const USAGE = 'validate <folder|tgz>... [--json] [--metadata-only] [--fix] [--profile server|certification]';

export function formatLocation(f: Pick<Finding, 'path' | 'pointer' | 'line' | 'column'>): string {
  if (f.line !== undefined) return `${f.path}:${f.line}:${f.column ?? 1}`;
  if (f.pointer !== undefined) return `${f.path}#${f.pointer}`;
  return f.path;
}

const summaryLine = (report: ValidationReport) => `${report.connector} ${report.version}: ${countsText(report.summary)}`;

export function formatHuman(report: ValidationReport): string {
  // A certification finding names the CI method that makes the same call, so it can be found in the CI's log.
  const lines = report.findings.map((f) => `${f.severity} ${f.rule}${f.ciCheck ? ` [${f.ciCheck}]` : ''} ${formatLocation(f)} ${f.message}`);
  lines.push(summaryLine(report));
  return lines.join('\n');
}

export const formatFixed = (f: FixedEntry): string => `fixed ${f.rule} ${formatLocation(f)} ${f.message}`;

/** Exactly the DESIGN.md shape, keys in order; `fixed` after them with --fix. */
function reportObject(report: ValidationReport, fixed?: readonly FixedEntry[]) {
  const { connector, version, findings, summary } = report;
  return { connector, version, findings, summary: { errors: summary.errors, warnings: summary.warnings, infos: summary.infos }, ...(fixed ? { fixed } : {}) };
}

export function formatJson(report: ValidationReport, fixed?: readonly FixedEntry[]): string {
  return JSON.stringify(reportObject(report, fixed));
}

interface Args {
  readonly targets: string[];
  readonly json: boolean;
  readonly metadataOnly: boolean;
  readonly fix: boolean;
  /** server (default) or certification (Fortinet's CI, check by check; src/shared/connector/profiles.ts). */
  readonly profile: ValidationProfile;
}

function parse(argv: string[]): Args {
  const { flags, positional } = parseArgs(argv, { booleans: ['json', 'metadata-only', 'fix'], strings: ['profile'] });
  if (positional.length === 0) throw new UsageError('name a connector folder or .tgz (or several)');
  const profile = flags.profile ?? 'server';
  if (!isValidationProfile(profile)) throw new UsageError(`--profile is ${VALIDATION_PROFILES.join(' or ')}, not '${String(profile)}'`);
  if (profile === 'certification' && flags['metadata-only'] === true)
    throw new UsageError('--profile certification checks every .py file as Fortinet\'s CI does: leave out --metadata-only');
  return { targets: positional, json: flags.json === true, metadataOnly: flags['metadata-only'] === true, fix: flags.fix === true, profile };
}

type Outcome =
  | { readonly target: Target; readonly report: ValidationReport; readonly fixed?: FixedEntry[] }
  | { readonly target: Target; readonly error: string; readonly code: number };

/** Reviews are extracted packages opened read-only: a fix there would change nobody's connector. */
const insideReviews = (abs: string, reviewsDir: string): boolean => isBelow(reviewsDir, abs, { orEqual: true });

async function fixOne(v: ValidateService, t: Target, args: Args, reviewsDir: string): Promise<Outcome> {
  const st = await statIfPresent(t.abs);
  if (st && !st.isDirectory())
    throw new InputError(`--fix changes files in a connector folder, and ${t.label} is an archive: import it (connector-studio import ${t.label}), then fix the folder.`);
  if (insideReviews(t.abs, reviewsDir))
    throw new InputError(`${t.label} is a review, opened read-only: fix the connector's own folder instead.`);
  return { target: t, ...(await v.fixFolder(t.abs, { metadataOnly: args.metadataOnly, profile: args.profile })) };
}

async function validateOne(v: ValidateService, t: Target, args: Args, reviewsDir: string): Promise<Outcome> {
  try {
    if (args.fix) return await fixOne(v, t, args, reviewsDir);
    return { target: t, report: await v.validatePath(t.abs, { metadataOnly: args.metadataOnly, profile: args.profile }) };
  } catch (e) {
    return { target: t, error: (e as Error).message, code: exitCodeFor(e, args.fix ? 'acting' : 'reading') };
  }
}

function printOne(o: Outcome, args: Args, io: CliIO): number {
  if ('error' in o) {
    io.err(`connector-studio validate: ${o.error}`);
    return o.code;
  }
  if (args.json) io.out(formatJson(o.report, o.fixed));
  else io.out([...(o.fixed ?? []).map(formatFixed), formatHuman(o.report)].join('\n'));
  return o.report.summary.errors > 0 ? EXIT_FAILED : EXIT_OK;
}

function printMany(outcomes: readonly Outcome[], args: Args, io: CliIO): number {
  const reports = outcomes.flatMap((o) => ('report' in o ? [o.report] : []));
  const total = {
    connectors: reports.length,
    errors: reports.reduce((n, r) => n + r.summary.errors, 0),
    warnings: reports.reduce((n, r) => n + r.summary.warnings, 0),
    infos: reports.reduce((n, r) => n + r.summary.infos, 0),
  };
  if (args.json) {
    const results = outcomes.map((o) => ('error' in o ? { target: o.target.label, error: o.error } : { target: o.target.label, ...reportObject(o.report, o.fixed) }));
    io.out(JSON.stringify({ results, summary: total }));
  } else {
    const lines = outcomes.flatMap((o) =>
      'error' in o
        ? [`${o.target.label}: cannot validate: ${o.error}`]
        : [...(o.fixed ?? []).map((f) => `${o.target.label}: ${formatFixed(f)}`), `${o.target.label}: ${summaryLine(o.report)}`],
    );
    lines.push(`Total: ${plural(total.connectors, 'connector')}, ${countsText(total)}`);
    io.out(lines.join('\n'));
  }
  const failures = outcomes.flatMap((o) => ('error' in o ? [o.code] : []));
  if (failures.includes(EXIT_USAGE)) return EXIT_USAGE;
  return failures.length > 0 || total.errors > 0 ? EXIT_FAILED : EXIT_OK;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`connector-studio validate: ${(e as Error).message}\nUsage: connector-studio ${USAGE}`);
    return EXIT_USAGE;
  }
  const parsed = args;
  return withServices(io, async (s) => {
    const v = await s.validate();
    const reviewsDir = path.join(s.config.userDataDir, 'reviews');
    let targets: Target[];
    try {
      targets = await expandTargets(parsed.targets, io.cwd);
    } catch (e) {
      io.err(`connector-studio validate: ${(e as Error).message}`);
      return exitCodeFor(e, 'reading');
    }
    const outcomes: Outcome[] = [];
    // One after another: the rules are CPU-bound, and a warm parser is what makes a batch fast.
    for (const t of targets) outcomes.push(await validateOne(v, t, parsed, reviewsDir));
    const [only] = outcomes;
    return only && outcomes.length === 1 ? printOne(only, parsed, io) : printMany(outcomes, parsed, io);
  });
}

const validate: CliCommand = {
  name: 'validate',
  summary: 'check connector folders or .tgz files; exit 1 if any error (--fix applies the safe fixes)',
  usage: USAGE,
  run,
};

export default validate;
