/** A CLI command: one file per command under commands/, registered in registry.ts.
 * Exit codes (DESIGN.md): 0 success, 1 the check found errors or the action failed, 2 bad usage or bad input. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stderr is a terminal: commands may draw progress there. */
  errIsTTY?: boolean;
  /** Writes to stderr as is, no newline added (a progress line redrawn with \r). */
  errRaw?(text: string): void;
}

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

/** Minimal flag parser: `--flag value`, `--flag=value`, boolean flags listed in `booleans`, `-o` short aliases. */
/** The one positional argument a command takes; UsageError `missing` without it, `extra` with more. */
export function onlyPositional(positional: readonly string[], missing: string, extra: string): string {
  const [only] = positional;
  if (only === undefined) throw new UsageError(missing);
  if (positional.length > 1) throw new UsageError(extra);
  return only;
}

export function parseArgs(
  argv: string[],
  spec: { booleans?: string[]; strings?: string[]; aliases?: Record<string, string> },
): { flags: Record<string, string | boolean>; positional: string[] } {
  const flags: Record<string, string | boolean> = {};
  const positional: string[] = [];
  const booleans = new Set(spec.booleans ?? []);
  const strings = new Set(spec.strings ?? []);
  let i = 0;
  const next = (): string | undefined => argv[i++];
  for (let raw = next(); raw !== undefined; raw = next()) {
    if (!raw.startsWith('-') || raw === '-') {
      positional.push(raw);
      continue;
    }
    const [key0 = '', inline] = raw.replace(/^--?/, '').split(/=(.*)/s, 2);
    const key = spec.aliases?.[key0] ?? key0;
    if (booleans.has(key)) flags[key] = true;
    else if (strings.has(key)) {
      const value = inline ?? next();
      if (value === undefined) throw new UsageError(`--${key} needs a value`);
      flags[key] = value;
    } else throw new UsageError(`unknown option ${raw}`);
  }
  return { flags, positional };
}
