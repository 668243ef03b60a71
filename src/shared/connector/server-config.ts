/** The keys FortiSOAR adds to a configuration before a connector sees it, on top of the fields of info.json.
 * The evidence (the server's integrations code and the connectors that read them) is in docs/runtime-helpers.md,
 * "Configuration keys the server adds". One rule for the IDE, the CLI and the sandbox. */

/** What names the configuration record the values belong to. */
export interface ConfigRecord {
  /** The configuration's UUID, stable across calls. */
  readonly configId: string;
  /** The configuration's name. */
  readonly name: string;
}

/** Every key the server adds to some configuration it hands a connector. */
export const SERVER_CONFIG_KEYS: readonly string[] = ['config_id', 'name', 'status'];

/** A configuration as the connector receives it. `call` (check_health, execute) is what the server's
 * get_configuration builds: config_id, name and status (1: complete; the server refuses an incomplete one before
 * calling). `hook` (on_add_config, on_update_config, on_delete_config, on_activate, on_deactivate) gets config_id
 * and name only. The server's keys win over stored fields of the same name, as on the server. */
export function asReceived(values: Record<string, unknown>, record: ConfigRecord, use: 'call' | 'hook'): Record<string, unknown> {
  return { ...values, config_id: record.configId, name: record.name, ...(use === 'call' ? { status: 1 } : {}) };
}

/** An update the connector saved, without the keys the server adds (they are the record's, not stored fields). */
export function withoutServerKeys(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([k]) => !SERVER_CONFIG_KEYS.includes(k)));
}

/** The fields an update changes: keys whose JSON value differs from the configuration the connector received,
 * sorted. Server keys are never counted. */
export function changedFields(before: Record<string, unknown>, update: Record<string, unknown>): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return Object.keys(withoutServerKeys(update)).filter((k) => !same(before[k], update[k])).sort();
}
