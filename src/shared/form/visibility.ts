/** How FortiSOAR shows a field list: which fields appear for the current values, following onchange branches. */
export interface FieldLike {
  readonly name?: string;
  readonly type?: string;
  readonly visible?: boolean;
  readonly value?: unknown;
  readonly onchange?: Record<string, FieldLike[]>;
  readonly [key: string]: unknown;
}

export interface VisibleField {
  readonly field: FieldLike;
  /** JSON path of the field from the list's root, e.g. [2, 'onchange', 'Advanced', 0]. */
  readonly path: (string | number)[];
  readonly depth: number;
}

export type Values = Record<string, unknown>;

/** The onchange keys that are active for a value: checkbox "true"/"false", multiselect the union of choices. */
export function activeBranches(field: FieldLike, value: unknown): string[] {
  if (!field.onchange) return [];
  if (field.type === 'checkbox') return [value === true || value === 'true' ? 'true' : 'false'];
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null || value === '' ? [] : [String(value)];
}

export function valueOf(field: FieldLike, values: Values): unknown {
  return field.name !== undefined && field.name in values ? values[field.name] : field.value;
}

export function visibleFields(fields: readonly FieldLike[], values: Values, base: (string | number)[] = [], depth = 0): VisibleField[] {
  const out: VisibleField[] = [];
  fields.forEach((field, i) => {
    if (!field || typeof field !== 'object' || field.visible === false) return;
    const path = [...base, i];
    out.push({ field, path, depth });
    for (const key of activeBranches(field, valueOf(field, values))) {
      const branch = field.onchange?.[key];
      if (Array.isArray(branch)) out.push(...visibleFields(branch, values, [...path, 'onchange', key], depth + 1));
    }
  });
  return out;
}
