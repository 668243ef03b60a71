/** A recording writes, beside its cassette `<operation>-<NAME>.json`, the run record `<operation>-<NAME>.run.json`:
 * what the run was given and answered, so a test can be made from the two. Done once, in the runtime every door
 * gets (runtime-holder.ts): Test Actions, health checks and the CLI's `run`/`health --record` write the same. */
import path from 'node:path';
import { HEALTH_OPERATION } from '../../../shared/models/cassette';
import type { RunRecord } from '../../../shared/models/connector-tests';
import { isSecretKeyName, secretFieldNames } from '../../../shared/connector/secret-fields';
import { readFileSync } from 'node:fs';
import { makeScrubber, type Scrubber } from '../runtime/result-checks';
import type { CallOptions, RuntimeService } from '../runtime/types';
import { writeFileAtomic } from '../workspace/atomic-write';
import { isMissing } from '../errors';

/** `x-NAME.json` -> `x-NAME.run.json`. */
export const runRecordPathOf = (cassettePath: string): string => cassettePath.replace(/(\.json)?$/i, '.run.json');

/** The configuration with every secret (the one rule: password fields and secret-named keys) as `<scrubbed:FIELD>`. */
function passwordFieldsOf(folder: string): Set<string> {
  try {
    return secretFieldNames(JSON.parse(readFileSync(path.join(folder, 'info.json'), 'utf8')));
  } catch (e) {
    // A missing or broken info.json: the call itself reported it; every key-named secret is still scrubbed.
    if (isMissing(e) || e instanceof SyntaxError) return new Set();
    throw e;
  }
}

/** Every string (keys too) with the call's secrets masked, in every form the worker reported: a vendor echoing
 * the key in its answer must not put it into a file meant for git. The project's helper masks the replay's
 * answer the same way before comparing (connector_studio_helpers.py). */
function masked(value: unknown, scrub: Scrubber): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((v) => masked(v, scrub));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k), masked(v, scrub)]));
  return value;
}

export function scrubbedConfig(folder: string, config: Record<string, unknown>): Record<string, unknown> {
  const fields = passwordFieldsOf(folder);
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, (fields.has(k) || isSecretKeyName(k)) && v !== '' && v != null ? `<scrubbed:${k}>` : v]));
}

const errorLogsOf = (logs: readonly { level: string; message: string }[] | undefined): string[] =>
  (logs ?? []).filter((l) => l.level === 'ERROR' || l.level === 'CRITICAL').map((l) => l.message);

export async function writeRunRecord(cassettePath: string, record: RunRecord): Promise<void> {
  await writeFileAtomic(runRecordPathOf(cassettePath), `${JSON.stringify(record, null, 2)}\n`);
}

/** The runtime, writing a run record after every recorded execute and health check. A record that cannot be
 * written is reported and leaves the call's answer as it was. */
export function withRunRecords(runtime: RuntimeService, warn: (message: string) => void): RuntimeService {
  /** The options with the worker's secret forms also taught to a scrubber of the record, when recording. */
  function listening(folder: string, config: Record<string, unknown>, o: CallOptions | undefined): { options: CallOptions | undefined; scrub?: Scrubber } {
    if (o?.cassette?.mode !== 'record') return { options: o };
    const scrub = makeScrubber(config, [...passwordFieldsOf(folder)]);
    return { scrub, options: { ...o, onSecrets: (forms) => (scrub.learn(forms), o.onSecrets?.(forms)) } };
  }
  async function keep(o: CallOptions | undefined, scrub: Scrubber | undefined, make: () => RunRecord): Promise<void> {
    if (o?.cassette?.mode !== 'record' || !scrub) return;
    const file = path.resolve(o.cassette.path);
    const record = make();
    const safe: RunRecord = { ...record, params: masked(record.params, scrub) as RunRecord['params'], result: masked(record.result, scrub) as RunRecord['result'] };
    await writeRunRecord(file, safe).catch((e: unknown) => warn(`Could not write the run record beside ${file}: ${(e as Error).message}`));
  }
  return {
    ...runtime,
    execute: async (folder, operation, params, config, options) => {
      const { options: o, scrub } = listening(folder, config, options);
      const r = await runtime.execute(folder, operation, params, config, o);
      await keep(options, scrub, () => ({
        operation,
        params,
        config: scrubbedConfig(folder, config),
        result: { status: r.status, message: r.message, data: r.data ?? null, errorLogs: errorLogsOf(r.logs) },
      }));
      return r;
    },
    checkHealth: async (folder, config, options) => {
      const { options: o, scrub } = listening(folder, config, options);
      const r = await runtime.checkHealth(folder, config, o);
      await keep(options, scrub, () => ({
        operation: HEALTH_OPERATION,
        params: {},
        config: scrubbedConfig(folder, config),
        result: { status: r.status, message: r.message, data: null, errorLogs: errorLogsOf(r.logs) },
      }));
      return r;
    },
  };
}
