/** For a test's own setup: the element or key it has just arranged to exist, or a failure that names it. (Under
 * noUncheckedIndexedAccess an index may be missing; an assertion reads it with `?.` instead.) */
export function defined<T>(value: T | undefined, what = 'the element the test set up'): T {
  if (value === undefined) throw new Error(`The test expected ${what} to exist, and it does not.`);
  return value;
}
