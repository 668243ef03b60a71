/** Names of configuration fields whose values are secrets (type password), including those inside onchange branches. */
export function secretFieldNames(info: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (fields: unknown) => {
    if (!Array.isArray(fields)) return;
    for (const f of fields) {
      if (!f || typeof f !== 'object') continue;
      const field = f as { name?: unknown; type?: unknown; onchange?: unknown };
      if (field.type === 'password' && typeof field.name === 'string') names.add(field.name);
      if (field.onchange && typeof field.onchange === 'object') Object.values(field.onchange).forEach(visit);
    }
  };
  const config = (info as { configuration?: { fields?: unknown } } | null)?.configuration;
  visit(config?.fields);
  return names;
}
