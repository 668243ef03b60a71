/** "1 error", "2 errors", "0 errors": every count the app writes goes through here, so no "1 errors" slips back in.
 * `many` is for words whose plural is not word + "s" ("1 match", "2 matches"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "1 error, 2 warnings, 0 infos": the Problems panel's, the review's and the CLI's summary line. */
export function countsText(c: { readonly errors: number; readonly warnings: number; readonly infos: number }): string {
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}`;
}
