/** `connector-studio diff <old> <new> [--json]`: the compatibility report between two versions.
 * A version is a folder, a .tgz or `git:<revision>` of the project in the current folder; with one version
 * the working tree is the new one, with none the last `v*` tag is the old one.
 * Exit 1 when there are breaking changes the new version number does not announce with a major bump,
 * 0 otherwise, 2 for bad usage or unreadable input. */
import { announcesMajor, type CompatReport } from '../../../shared/connector/compat';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, parseArgs, type CliCommand, type CliIO } from '../command';
import { exitCodeFor } from '../errors';
import { withServices } from '../services';

const USAGE = 'diff [<old version>] [<new version>] [--json]   (a version is a folder, a .tgz or git:<revision>)';

export const unannouncedBreak = (r: CompatReport): boolean => r.breaking && !announcesMajor(r.old, r.new);

/** Exactly the DESIGN.md shape, keys in order. */
export function formatJson(r: CompatReport): string {
  return JSON.stringify({
    old: r.old,
    new: r.new,
    changes: r.changes.map(({ kind, path, breaking, message }) => ({ kind, path, breaking, message })),
    breaking: r.breaking,
    suggestedVersion: r.suggestedVersion,
    releaseNotes: r.releaseNotes,
  });
}

export function formatHuman(r: CompatReport, labels: { old: string; new: string }): string {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const breaking = r.changes.filter((c) => c.breaking);
  const lines = [`${labels.old} (${r.old || '?'}) -> ${labels.new} (${r.new || '?'}): ${n(r.changes.length, 'change')}, ${breaking.length} breaking`];
  // Breaking changes first: they are what the reader must act on.
  for (const c of [...breaking, ...r.changes.filter((x) => !x.breaking)])
    lines.push(`${c.breaking ? 'breaking' : 'ok      '} ${c.kind} ${c.path}: ${c.message}`);
  lines.push(`Suggested version: ${r.suggestedVersion}`);
  if (unannouncedBreak(r))
    lines.push(`Version ${r.new || '(none)'} does not announce the breaking changes: raise the major version (${r.suggestedVersion}) or keep compatibility.`);
  lines.push('', 'Release notes draft:', '', r.releaseNotes.trimEnd());
  return lines.join('\n');
}

function parse(argv: string[]): { old?: string; new?: string; json: boolean } {
  const { flags, positional } = parseArgs(argv, { booleans: ['json'] });
  if (positional.length > 2) throw new UsageError('give at most two versions: <old> <new>');
  return { old: positional[0], new: positional[1], json: flags.json === true };
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`connector-studio diff: ${(e as Error).message}\nUsage: connector-studio ${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    const { report, old, new: next } = await withServices(io, async (s) => (await s.versions()).compare({ old: args.old, new: args.new, cwd: io.cwd }));
    io.out(args.json ? formatJson(report) : formatHuman(report, { old: old.spec, new: next.spec }));
    return unannouncedBreak(report) ? EXIT_FAILED : EXIT_OK;
  } catch (e) {
    io.err(`connector-studio diff: ${(e as Error).message}`);
    return exitCodeFor(e, 'reading');
  }
}

const diff: CliCommand = {
  name: 'diff',
  summary: 'compatibility report between two connector versions; exit 1 on unannounced breaking changes',
  usage: USAGE,
  run,
};

export default diff;
