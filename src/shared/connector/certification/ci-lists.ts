/** What Fortinet's certification CI (fortinet-fortisoar/template-repository,
 * .github/workflows/sanity_checks_utcs.py, current version) accepts, restated as data. The checks in checks.ts
 * are our own implementation of its rules; nothing here is its code. */
import { CONNECTOR_CATEGORIES, OPERATION_CATEGORIES } from '../info-json';

/** The CI's connector categories are the same 48 the wizard and the server-profile rule offer. */
export const CI_CONNECTOR_CATEGORIES: readonly string[] = CONNECTOR_CATEGORIES;

/** The CI accepts `utilities` besides the four the Connectors Guide documents. */
export const CI_OPERATION_CATEGORIES: readonly string[] = [...OPERATION_CATEGORIES, 'utilities'];

/** Field types the CI accepts; others (`numeric`, `label`, `image`, typos) fail it. */
export const CI_PARAMETER_TYPES: readonly string[] = [
  'text', 'textarea', 'integer', 'datetime', 'date', 'select', 'multiselect', 'checkbox', 'password', 'json',
  'apiOperation', 'email', 'object', 'file', 'richtext', 'html', 'decimal', 'phone', 'domain', 'filehash', 'ipv4',
  'ipv6', 'url',
];

/** `help_online` must start with one of these. */
export const CI_DOC_LINK_PREFIXES: readonly string[] = ['https://docs.fortinet.com/document/fortisoar', 'https://github.com/fortinet-fortisoar'];

/** Operations whose title contains one of these (case-sensitive) are the generic API-call actions, whose output
 * depends on the endpoint called: the CI names them as exempt from the output-schema check. */
export const CI_API_CALL_TITLES: readonly string[] = ['Execute an API Call', 'Execute an API Request'];

/** The copyright holder the CI requires in every Python file of a repository submitted to Fortinet. */
export const CI_COPYRIGHT_HOLDER = 'Fortinet Inc';

/** The CI's own scripts, which it leaves out of the copyright check (paths from the repository root). */
export const CI_OWN_SCRIPTS: readonly string[] = ['.github/workflows/sanity_checks_utcs.py', '.github/workflows/generate_utcs.py'];

/** The CI's version rule: no leading zeros and a major version of at least 1. */
export const CI_VERSION = /^[1-9]\d*\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** The block, one item a line, exactly as the CI searches for it (the year is the year the CI runs in). */
export function ciCopyrightBlock(year: number): string {
  return ['"""', 'Copyright start', 'MIT License', `Copyright (c) ${year} ${CI_COPYRIGHT_HOLDER}`, 'Copyright end', '"""'].join('\n');
}

/** The CI reads files in Python's text mode, so \r\n and \r count as \n; the block may stand anywhere. */
export function hasCiCopyrightBlock(text: string, year: number): boolean {
  return text.replace(/\r\n?/g, '\n').includes(ciCopyrightBlock(year));
}

/** Python's truthiness for JSON values: null, false, 0, "", [] and {} are all "missing" to the CI. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** Python's len() of a str counts code points, not UTF-16 units. */
export const pyLen = (s: string): number => [...s].length;
