/** Names and IRIs of the simulated platform's records (docs/platform-api.md): `/api/3/<module>/<uuid>`, the
 * `@type` a module's records carry, and the checks that keep a name from the request out of any path. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A module name as FortiSOAR's API spells its collections: lower case, digits and underscores. */
const MODULE = /^[a-z][a-z0-9_]{0,63}$/;
/** A record id in an IRI: a UUID on a server; any short word of letters, digits, `-` and `_` here (files placed by
 * hand in the attachments folder have names like `a1`). Never `.` or `..`, never a separator. */
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const isModuleName = (name: string): boolean => MODULE.test(name);
export const isRecordId = (id: string): boolean => RECORD_ID.test(id);

/** `@type` of the modules whose singular is not the plain one (FortiSOAR's model metadata descriptions). */
const TYPES: Readonly<Record<string, string>> = {
  people: 'Person',
  files: 'File',
  attachments: 'Attachment',
  alerts: 'Alert',
  incidents: 'Incident',
  indicators: 'Indicator',
  assets: 'Asset',
  tasks: 'Task',
  comments: 'Comment',
  emails: 'Email',
  events: 'Event',
  companies: 'Company',
  vulnerabilities: 'Vulnerability',
  workflows: 'Workflow',
  picklists: 'Picklist',
  scenario: 'Scenario',
  c_v_es: 'CVE',
};

/** The `@type` of a module's records: `alerts` -> `Alert`, `threat_intel_feeds` -> `ThreatIntelFeed`. */
export function typeOf(module: string): string {
  const known = TYPES[module];
  if (known) return known;
  const singular = module.endsWith('ies') ? `${module.slice(0, -3)}y` : module.endsWith('sses') ? module.slice(0, -2) : module.endsWith('s') ? module.slice(0, -1) : module;
  return singular
    .split('_')
    .filter((p) => p)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

export const iriOf = (module: string, id: string): string => `/api/3/${module}/${id}`;

/** The module and id an IRI names (`/api/3/files/<uuid>`, with or without a query or a trailing slash), or
 * undefined when it names no record. */
export function parseRecordIri(value: unknown): { module: string; id: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\/api\/3\/([^/?#]+)\/([^/?#]+)\/?(?:[?#].*)?$/.exec(value);
  if (!m?.[1] || !m[2]) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(m[2]);
  } catch (e) {
    if (!(e instanceof URIError)) throw e;
    return undefined; // not percent-encoding: names nothing
  }
  return isModuleName(m[1]) && isRecordId(id) ? { module: m[1], id } : undefined;
}

/** The text a list shows for a record: the first of its usual naming fields that holds text. */
export function displayNameOf(record: JsonObject): string {
  for (const key of ['name', 'title', 'filename', 'value', 'subject', 'email', 'description']) {
    const v = record[key];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
  }
  const first = record.firstname, last = record.lastname;
  if (typeof first === 'string' || typeof last === 'string') return [first, last].filter((x) => typeof x === 'string').join(' ');
  return typeof record.uuid === 'string' ? record.uuid : '';
}
