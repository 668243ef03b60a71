import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { passwordFieldNames } from '../../../shared/connector/secret-fields';
import { isMissing } from '../errors';

/** What the runtime needs from info.json: output schemas (for the schema check) and which configuration
 * fields are passwords (their values are scrubbed from logs and output). */
export interface ConnectorInfo {
  readonly name: string;
  readonly version: string;
  readonly operations: ReadonlyMap<string, { outputSchema: unknown }>;
  readonly passwordFields: readonly string[];
}

const cache = new Map<string, { stamp: string; info: ConnectorInfo }>();

function parse(text: string): ConnectorInfo {
  const json = JSON.parse(text) as {
    name?: string;
    version?: string;
    operations?: Array<{ operation?: string; output_schema?: unknown }>;
    configuration?: unknown;
  };
  const operations = new Map<string, { outputSchema: unknown }>();
  for (const op of Array.isArray(json.operations) ? json.operations : [])
    if (typeof op?.operation === 'string') operations.set(op.operation, { outputSchema: op.output_schema });
  return {
    name: String(json.name ?? ''),
    version: String(json.version ?? ''),
    operations,
    passwordFields: [...passwordFieldNames(json.configuration)],
  };
}

/** Reads `<folder>/info.json`, re-parsing only when its size or mtime changed. Throws when unreadable. */
export function readConnectorInfo(folder: string): ConnectorInfo {
  const file = path.join(folder, 'info.json');
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.info;
  const info = parse(readFileSync(file, 'utf8'));
  cache.set(file, { stamp, info });
  return info;
}

/** undefined when the folder has no info.json or it is not JSON (validation reports that); an unreadable one throws. */
export function tryReadConnectorInfo(folder: string): ConnectorInfo | undefined {
  try {
    return readConnectorInfo(folder);
  } catch (e) {
    if (isMissing(e) || e instanceof SyntaxError) return undefined;
    throw e;
  }
}
