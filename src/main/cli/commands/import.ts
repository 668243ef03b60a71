/** `connector-studio import <tgz> [--into DIR] [--replace] [--json]`: safe extraction into a workspace
 * (default: the workspace in settings). Exit 2 for a missing or hostile archive, 1 when the target exists.
 * Stray files beside the connector folder are skipped, and virtualenv and git folders inside it dropped, with a
 * warning on stderr (and `skipped`, `dropped` and `warnings` in --json). */
import path from 'node:path';
import { EXIT_OK, EXIT_USAGE, onlyPositional, parseArgs, type CliCommand, type CliIO } from '../command';
import { exitCodeFor } from '../errors';
import { isServiceError } from '../../services/errors';
import { withServices } from '../services';

const USAGE = 'import <tgz> [--into DIR] [--replace] [--json]';

async function run(argv: string[], io: CliIO): Promise<number> {
  const fail = (code: number, msg: string) => (io.err(`connector-studio import: ${msg}`), code);
  let flags: Record<string, string | boolean>;
  let archive: string;
  try {
    let positional: string[];
    ({ flags, positional } = parseArgs(argv, { booleans: ['json', 'replace'], strings: ['into'] }));
    archive = onlyPositional(positional, 'name a .tgz archive', 'give exactly one archive');
  } catch (e) {
    return fail(EXIT_USAGE, `${(e as Error).message}\nUsage: connector-studio ${USAGE}`);
  }
  try {
    // The app's import: safe extraction, then restricted in the IDE's trust list (also where it replaced a
    // trusted folder). Without --into, into the workspace from settings.
    const into = typeof flags.into === 'string' ? path.resolve(io.cwd, flags.into) : undefined;
    const r = await withServices(io, async (s) => (await s.authoring()).importFile(path.resolve(io.cwd, archive), { into, replace: flags.replace === true }));
    // Stray files beside the connector folder (a ._ AppleDouble file, a README) are skipped and virtualenv and
    // git folders inside it dropped; say so on stderr.
    for (const w of r.warnings) io.err(`connector-studio import: warning: ${w}`);
    if (flags.json) io.out(JSON.stringify(r));
    else io.out(`Imported ${r.name} ${r.version} into ${r.dir}${r.replaced ? ' (replaced the previous folder)' : ''}`);
    return EXIT_OK;
  } catch (e) {
    // The service's conflict names the app's three choices; here the one flag is what to type.
    const hint = isServiceError(e) && e.code === 'CONFLICT' ? ' Run again with --replace to replace its files with this package.' : '';
    return fail(exitCodeFor(e), `${(e as Error).message}${hint}`);
  }
}

const command: CliCommand = { name: 'import', summary: 'extract a connector .tgz safely into a workspace', usage: USAGE, run };
export default command;
