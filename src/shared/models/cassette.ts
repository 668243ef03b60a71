/** Where a cassette lives in a project: one file per operation and name, committed with the project
 * (scrubbed), so Test Actions and CI replay the vendor's answers offline. */

/** Health checks record under this operation name, so their cassettes sit next to the actions'. */
export const HEALTH_OPERATION = 'check_health';

/** Letters, digits, dot, dash and underscore, so no name can walk out; the request schema uses it as its pattern. */
export const CASSETTE_NAME = /^[A-Za-z0-9._-]{1,200}$/;

export const CASSETTES_DIR = 'tests/cassettes';

/** `tests/cassettes/<operation>-<name>.json`, relative to the project root. */
export function cassetteRelPath(operation: string, name: string): string {
  return `${CASSETTES_DIR}/${operation}-${name}.json`;
}
