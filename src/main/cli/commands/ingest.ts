/** `connector-studio ingest <folder> --config FILE --pulls N [--interval MIN] [--record NAME | --replay NAME]
 * [--json]` (issue 19): the connector's ingest playbook run N times at the schedule's interval on a virtual clock,
 * with what each pull fetched, created, skipped as duplicates and the errors. Exit 1 when a pull failed, 2 for bad
 * usage or a connector without ingestion. A recording lands in tests/cassettes/ingest-<NAME>.json with the clock's
 * start; a replay starts the clock there. */
import path from 'node:path';
import type { IngestRunResult } from '../../../shared/models/ingestion';
import { isServiceError } from '../../services/errors';
import { DEFAULT_INTERVAL_MINUTES, ingestionFromHeadless, MAX_PULLS } from '../../services/ingestion';
import { EXIT_FAILED, EXIT_OK, UsageError, parseArgs, type CliCommand } from '../command';
import { InputError } from '../errors';
import { cassetteFlag, openConnectorInput, readJsonObject, resolveCassette } from '../inputs';
import { withServices } from '../services';

function positiveNumber(value: string | boolean | undefined, flag: string, whole: boolean, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n <= 0 || n > max || (whole && !Number.isInteger(n)))
    throw new InputError(`--${flag} needs ${whole ? 'a whole number' : 'a number'} greater than 0 and at most ${max}, not "${String(value)}"`);
  return n;
}

function describe(r: IngestRunResult): string[] {
  const lines = [`Virtual clock from ${r.clockStart}, one pull every ${r.intervalMinutes} min.`];
  r.pulls.forEach((p, i) => {
    lines.push(`Pull ${i + 1} at ${p.at}: fetched ${p.fetched}, created ${p.created}, duplicates ${p.duplicates}, errors ${p.errors.length}`);
    for (const e of p.errors) lines.push(`  error: ${e}`);
  });
  lines.push(`Total: created ${r.summary.created}, duplicates ${r.summary.duplicates}, errors ${r.summary.errors}`);
  return lines;
}

const ingest: CliCommand = {
  name: 'ingest',
  summary: "run a connector's data ingestion on a virtual clock",
  usage: 'ingest <folder> --config FILE --pulls N [--interval MIN] [--record NAME | --replay NAME] [--json]',
  async run(argv, io) {
    let parsed;
    try {
      const { flags, positional } = parseArgs(argv, { booleans: ['json'], strings: ['config', 'pulls', 'interval', 'record', 'replay'] });
      const [folderArg, extra] = positional;
      if (extra !== undefined) throw new InputError(`unexpected argument "${extra}"`);
      if (folderArg === undefined) throw new InputError('give the connector folder');
      if (flags.pulls === undefined) throw new InputError('--pulls N is required');
      const pulls = positiveNumber(flags.pulls, 'pulls', true, MAX_PULLS)!;
      const interval = positiveNumber(flags.interval, 'interval', false, 7 * 24 * 60) ?? DEFAULT_INTERVAL_MINUTES;
      const config = readJsonObject(flags.config, 'config', io.cwd);
      const flag = cassetteFlag(flags);
      const input = await openConnectorInput(folderArg, io.cwd);
      const cassette = await resolveCassette(flag, { cwd: io.cwd, folder: input.folder, operation: 'ingest', archive: false });
      parsed = { json: flags.json === true, pulls, interval, config, input, cassette };
    } catch (e) {
      throw e instanceof InputError ? new UsageError(e.message) : e;
    }
    const { json, pulls, interval, config, input, cassette } = parsed;
    try {
      const result = await withServices(io, (s) =>
        ingestionFromHeadless(s).run(input.folder, { config, pulls, intervalMinutes: interval, ...(cassette ? { cassette } : {}) }),
      ).catch((e: unknown) => {
        // A connector without ingestion, or an unusable playbooks.json, is bad input, not a failed pull.
        if (isServiceError(e) && e.code === 'VALIDATION') throw new UsageError(e.message);
        throw e;
      });
      if (json) {
        io.out(JSON.stringify({ pulls: result.pulls.map((p) => ({ at: p.at, fetched: p.fetched, created: p.created, duplicates: p.duplicates, errors: p.errors })), summary: result.summary }));
      } else {
        io.out(describe(result).join('\n'));
        if (cassette?.mode === 'record') io.err(`Recorded ${path.relative(io.cwd, cassette.path) || cassette.path}`);
      }
      if (result.summary.errors > 0 && !json) io.err(result.log.split('\n').slice(-20).join('\n'));
      return result.summary.errors > 0 ? EXIT_FAILED : EXIT_OK;
    } finally {
      await input.dispose();
    }
  },
};

export default ingest;
