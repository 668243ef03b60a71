/** `connector-studio rollback --server URL <name> [--to VERSION] [auth flags] [--json]`: puts a version published
 * from here back on the server from its kept archive. Exit 0 done, 1 failed, 2 unknown name or version or no kept
 * archive (and bad usage). */
import { isServiceError } from '../../services/errors';
import { isPublishError } from '../../services/publish/errors';
import { EXIT_FAILED, EXIT_OK, UsageError, onlyPositional, parseArgs, type CliCommand } from '../command';
import { withServices } from '../services';
import { SERVER_FLAGS, serverOptions } from './publish';

const USAGE =
  'rollback --server URL <name> [--to VERSION] [--api-key-env VAR | --user NAME --password-env VAR | --hmac-public KEY --hmac-private-env VAR] [--ca FILE] [--pin SHA256] [--json]';

const rollback: CliCommand = {
  name: 'rollback',
  summary: 'put an earlier version of a connector back on the server from the archive kept at its publish',
  usage: USAGE,
  async run(argv, io) {
    const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: [...SERVER_FLAGS, 'to'] });
    const name = onlyPositional(positional, 'give the connector name', `unexpected argument "${positional[1]}"`);
    const server = serverOptions(flags, io);
    const to = typeof flags.to === 'string' ? flags.to : undefined;
    const json = flags.json === true;
    try {
      const r = await withServices(io, async (s) => (await s.publisher()).rollback(server, name, to));
      if (json) io.out(JSON.stringify(r));
      else (r.ok ? io.out : io.err)(r.message);
      return r.ok ? EXIT_OK : EXIT_FAILED;
    } catch (e) {
      if (!isServiceError(e)) throw e;
      // Nothing to roll back to: the name, the version or its archive is unknown here.
      if (!isPublishError(e) && e.code === 'NOT_FOUND') throw new UsageError(e.message);
      if (json) io.out(JSON.stringify({ ok: false, error: { code: e.code, message: e.message } }));
      else io.err(`Rollback failed: ${e.message}`);
      return EXIT_FAILED;
    }
  },
};
export default rollback;
