/** What a successful run says about output_schema: exactly one of these, so the Test view never shows
 * "matches" above "declares none" (an `output_schema: {}` compares equal to any data, yet declares nothing). */
export type SchemaVerdict = 'differs' | 'matches' | 'undeclared';

/** An output_schema that names no key: absent, empty text, `{}` or `[]`. */
export const declaresNothing = (s: unknown): boolean =>
  s === undefined || s === null || s === '' || (Array.isArray(s) ? s.length === 0 : typeof s === 'object' && Object.keys(s).length === 0);

export function schemaVerdict(declared: unknown, missing: readonly string[], extra: readonly string[]): SchemaVerdict {
  if (missing.length > 0 || extra.length > 0) return 'differs';
  return declaresNothing(declared) ? 'undeclared' : 'matches';
}
