/** pyright's findings on one connector folder for `review` and `validate`: one command-line run with
 * `--outputjson`, configured like the editor's language server (pyright-settings.ts). */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Finding, Severity } from '../../../shared/connector/findings';
import { cliConfig, defaultStubsDir, pyrightCliPath, pythonFor } from './pyright-settings';

interface CliDiagnostic {
  file: string;
  severity: 'error' | 'warning' | 'information';
  message: string;
  rule?: string;
  range?: { start: { line: number; character: number } };
}

export interface PyrightCliOptions {
  /** The configured interpreter (Settings); a virtualenv in the project wins over it. */
  pythonPath?: string;
  /** More virtualenvs to try after the project's own, e.g. the connector's environment in the user data
   * folder (environment-service `venvOf`), as the editor's language server does. */
  extraVenvs?: readonly string[];
  stubsDir?: string;
  timeoutMs?: number;
  /** A trusted project's own .venv may serve; `review` and `validate` never set it, so a package's own
   * interpreter is never run. */
  folderVenvs?: boolean;
  /** Called once pyright's process is running (review does its own CPU work only then, so the two overlap). */
  onSpawn?: () => void;
}

const SEVERITY: Record<CliDiagnostic['severity'], Severity> = { error: 'error', warning: 'warning', information: 'info' };

export function toFinding(d: CliDiagnostic, connectorDir: string): Finding {
  const rel = path.relative(connectorDir, d.file).split(path.sep).join('/');
  const at = d.range?.start;
  return {
    rule: d.rule ?? 'pyright',
    source: 'pyright',
    severity: SEVERITY[d.severity] ?? 'warning',
    message: d.message,
    path: rel,
    ...(at ? { line: at.line + 1, column: at.character + 1 } : {}),
    ...(d.rule ? { fix: `See https://microsoft.github.io/pyright/#/configuration?id=${d.rule}` } : {}),
  };
}

function runCli(args: string[], timeoutMs: number, onSpawn?: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    // Exit code 1 only means "errors found"; the JSON on stdout is the answer either way.
    const child = execFile(process.execPath, [pyrightCliPath(), ...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, windowsHide: true },
      (error, stdout, stderr) => {
        if (stdout.trim().startsWith('{')) resolve(stdout);
        else reject(new Error(`pyright failed: ${(stderr || error?.message || 'no output').trim().slice(0, 500)}`));
      });
    if (onSpawn) child.once('spawn', onSpawn);
  });
}

/** Every pyright finding in `connectorDir` (paths relative to it), sorted by file and line. */
export async function pyrightFindings(connectorDir: string, opts: PyrightCliOptions = {}): Promise<Finding[]> {
  const dir = path.resolve(connectorDir);
  const work = await mkdtemp(path.join(os.tmpdir(), 'cs-pyright-'));
  try {
    const config = path.join(work, 'pyrightconfig.json');
    await writeFile(config, JSON.stringify(cliConfig(work, dir, opts.stubsDir ?? defaultStubsDir())));
    const python = await pythonFor(dir, path.dirname(dir), opts.pythonPath ?? '', opts.extraVenvs ?? [], { folderVenvs: opts.folderVenvs === true });
    const out = await runCli(['--outputjson', '-p', config, ...(python ? ['--pythonpath', python] : [])], opts.timeoutMs ?? 120_000, opts.onSpawn);
    const report = JSON.parse(out) as { generalDiagnostics?: CliDiagnostic[] };
    return (report.generalDiagnostics ?? [])
      .map((d) => toFinding(d, dir))
      .sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
