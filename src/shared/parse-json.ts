/** The value of `text`, or undefined when it is not JSON. JSON.parse on a string throws nothing but a SyntaxError, so
 * nothing else is hidden; the caller says what not-JSON means where it is. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}
