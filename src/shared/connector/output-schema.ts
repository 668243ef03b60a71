/** FortiSOAR's output_schema is an example of the data, not a JSON Schema: every key the data has, leaves as `""`,
 * a list of objects as one example element with the keys of all of them, any other list as `[]` (as the
 * published connectors write it). Playbook designers pick `vars.result.data.<key>` from it. */

/** Elements of a list that are merged into its one example element: enough for the keys, bounded for huge results. */
const SAMPLE = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The output_schema that describes `data`, the real output of a run. */
export function schemaFromOutput(data: unknown): unknown {
  if (Array.isArray(data)) {
    const sample = data.slice(0, SAMPLE);
    const objects = sample.filter(isObject);
    if (objects.length > 0) return [merge(objects)];
    const lists = sample.filter(Array.isArray);
    if (lists.length > 0) return [schemaFromOutput(lists.flat())];
    return [];
  }
  if (isObject(data)) return merge([data]);
  return '';
}

/** One example object with the union of the keys, in first-seen order; a key's example comes from every value it has. */
function merge(objects: readonly Record<string, unknown>[]): Record<string, unknown> {
  const values = new Map<string, unknown[]>();
  for (const o of objects) for (const [k, v] of Object.entries(o)) (values.get(k) ?? values.set(k, []).get(k)!).push(v);
  const out: Record<string, unknown> = {};
  for (const [k, vs] of values) out[k] = exampleOf(vs);
  return out;
}

function exampleOf(values: readonly unknown[]): unknown {
  const objects = values.filter(isObject);
  if (objects.length > 0) return merge(objects);
  const lists = values.filter(Array.isArray);
  if (lists.length > 0) return schemaFromOutput(lists.flat());
  return '';
}
