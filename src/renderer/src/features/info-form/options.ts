/** Options are strings in every published connector; `{value, label}` objects are tolerated as the engine does. */
export function optionLabel(o: unknown): string {
  if (o !== null && typeof o === 'object' && 'value' in o) return String((o as { value: unknown }).value);
  return String(o);
}

export const allStrings = (options: unknown): options is string[] => Array.isArray(options) && options.every((o) => typeof o === 'string');
