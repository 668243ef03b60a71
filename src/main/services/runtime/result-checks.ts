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

/** Base64 (standard and URL-safe) of a secret inside a longer value, such as Basic auth's `user:secret`, at
 * each of the three byte alignments: only the characters that the secret alone decides. */
function base64Inside(v: string): string[] {
  const raw = Buffer.from(v, 'utf8');
  const out: string[] = [];
  for (let shift = 1; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), raw]);
    const middle = padded.toString('base64').slice(4, Math.floor(padded.length / 3) * 4);
    if (middle.length >= 8) out.push(middle, middle.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/** The forms a secret takes in logs: as is, base64 (standard, URL-safe, inside a longer value) and URL-encoded
 * (as a path or query component, and as a form value). Short values would mask ordinary words. */
function secretForms(values: unknown[]): string[] {
  const forms = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string' || v.length < 4) continue;
    forms.add(v);
    forms.add(Buffer.from(v).toString('base64').replace(/=+$/, ''));
    forms.add(Buffer.from(v).toString('base64url'));
    for (const f of base64Inside(v)) forms.add(f);
    forms.add(encodeURIComponent(v));
    forms.add(new URLSearchParams({ k: v }).toString().slice(2));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

export type Scrubber = (text: string) => string;

/** Masks the configuration's password values wherever they appear (DESIGN.md: secrets never land in logs). */
export function makeScrubber(config: Record<string, unknown>, passwordFields: readonly string[]): Scrubber {
  const forms = secretForms(passwordFields.map((f) => config[f]));
  if (forms.length === 0) return (t) => t;
  return (text) => forms.reduce((t, f) => (t.includes(f) ? t.split(f).join('********') : t), text);
}

export function scrubLogs(logs: LogEntry[], scrub: Scrubber): LogEntry[] {
  return logs.map((e) => {
    const message = scrub(e.message);
    return message === e.message ? e : { ...e, message };
  });
}
