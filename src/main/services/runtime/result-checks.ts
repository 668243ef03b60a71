import { secretValues } from '../../../shared/connector/secret-fields';
import type { LogEntry, SchemaDiff } from './types';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Compares the data's top-level keys with an object output_schema. Lists, strings and `{}` (the wizard's
 * placeholder) declare no keys to compare, so they report nothing. */
export function compareSchema(data: unknown, outputSchema: unknown): SchemaDiff {
  if (!isPlainObject(outputSchema) || Object.keys(outputSchema).length === 0) return { missing: [], extra: [] };
  const declared = Object.keys(outputSchema);
  if (!isPlainObject(data)) return { missing: declared, extra: [] };
  return {
    missing: declared.filter((k) => !(k in data)),
    extra: Object.keys(data).filter((k) => !(k in outputSchema)),
  };
}

/** Masks a call's secrets in text that reaches the host: logs, output, the message. */
export interface Scrubber {
  (text: string): string;
  /** Adds the forms the worker reported for the call (resources/python/secret_forms.py lists them all: JSON,
   * URL-encoded, base64, ...; the worker masks its own logs and output with the same list). */
  learn(forms: readonly string[]): void;
}

const MASK = '********';
/** Shorter values would mask ordinary words (as in secret_forms.MIN_SECRET). */
const MIN_SECRET = 4;

/** Masks the configuration's secrets (shared/connector/secret-fields.ts: password fields and secret-named keys,
 * at any depth; `config` may be several configurations, as a hook gets them) wherever they appear (DESIGN.md:
 * secrets never land in logs): as they are from the start, and in every encoded form once the worker has
 * reported them. */
export function makeScrubber(config: unknown, passwordFields: readonly string[]): Scrubber {
  const known = new Set<string>();
  let forms: string[] = [];
  const learn = (values: readonly unknown[]) => {
    for (const v of values) if (typeof v === 'string' && v.length >= MIN_SECRET) known.add(v);
    forms = [...known].sort((a, b) => b.length - a.length); // longer first: a secret inside another is masked whole
  };
  learn(secretValues(config, passwordFields));
  const scrub = (text: string) => forms.reduce((t, f) => (t.includes(f) ? t.split(f).join(MASK) : t), text);
  return Object.assign(scrub, { learn });
}

export function scrubLog(e: LogEntry, scrub: Scrubber): LogEntry {
  const message = scrub(e.message);
  return message === e.message ? e : { ...e, message };
}

export function scrubLogs(logs: LogEntry[], scrub: Scrubber): LogEntry[] {
  return logs.map((e) => scrubLog(e, scrub));
}
