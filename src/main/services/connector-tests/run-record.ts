/** A recording writes, beside its cassette `<operation>-<NAME>.json`, the run record `<operation>-<NAME>.run.json`:
 * what the run was given and answered, so a test can be made from the two. Done once, in the runtime every door
 * gets (runtime-holder.ts): Test Actions, health checks and the CLI's `run`/`health --record` write the same. */
import path from 'node:path';
import { HEALTH_OPERATION } from '../../../shared/models/cassette';
import type { RunRecord } from '../../../shared/models/connector-tests';
import { isSecretKeyName, secretFieldNames } from '../../../shared/connector/secret-fields';
import { readFileSync } from 'node:fs';
import type { CallOptions, RuntimeService } from '../runtime/types';
import { writeFileAtomic } from '../workspace/atomic-write';

/** `x-NAME.json` -> `x-NAME.run.json`. */
export const runRecordPathOf = (cassettePath: string): string => cassettePath.replace(/(\.json)?$/i, '.run.json');

/** The configuration with every secret (the one rule: password fields and secret-named keys) as `<scrubbed:FIELD>`. */
export function scrubbedConfig(folder: string, config: Record<string, unknown>): Record<string, unknown> {
  let info: unknown;
  try {
    info = JSON.parse(readFileSync(path.join(folder, 'info.json'), 'utf8'));
  } catch {
    info = undefined; // the call itself reported the broken info.json; every key-named secret is still scrubbed
  }
  const fields = secretFieldNames(info);
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
  async function keep(folder: string, o: CallOptions | undefined, make: () => RunRecord): Promise<void> {
    if (o?.cassette?.mode !== 'record') return;
    const file = path.resolve(o.cassette.path);
    await writeRunRecord(file, make()).catch((e: unknown) => warn(`Could not write the run record beside ${file}: ${(e as Error).message}`));
  }
  return {
    ...runtime,
    execute: async (folder, operation, params, config, options) => {
      const r = await runtime.execute(folder, operation, params, config, options);
      await keep(folder, options, () => ({
        operation,
        params,
        config: scrubbedConfig(folder, config),
        result: { status: r.status, message: r.message, data: r.data ?? null, errorLogs: errorLogsOf(r.logs) },
      }));
      return r;
    },
    checkHealth: async (folder, config, options) => {
      const r = await runtime.checkHealth(folder, config, options);
      await keep(folder, options, () => ({
        operation: HEALTH_OPERATION,
        params: {},
        config: scrubbedConfig(folder, config),
        result: { status: r.status, message: r.message, data: null, errorLogs: errorLogsOf(r.logs) },
      }));
      return r;
    },
  };
}
