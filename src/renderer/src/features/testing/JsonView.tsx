interface Props {
  data: unknown;
  /** Top-level keys output_schema does not declare: highlighted. */
  extra: readonly string[];
}

const indent = (text: string) => text.replace(/\n/g, '\n  ');

/** Formatted JSON of an action's data, with the top-level keys the schema does not know marked. */
export function JsonView({ data, extra }: Props) {
  const text = JSON.stringify(data, null, 2) ?? 'null';
  const plain = data !== null && typeof data === 'object' && !Array.isArray(data);
  const entries = plain ? Object.entries(data as Record<string, unknown>) : [];
  return (
    <pre className="tc-pre tc-json" data-testid="run-data" tabIndex={0} aria-label="Data as JSON">
      {!plain || !entries.length ? text : (
        <>
          {'{\n'}
          {entries.map(([k, v], i) => (
            <span key={k} className={extra.includes(k) ? 'tc-json-extra' : undefined} data-key={k}>
              {'  '}<span className="tc-json-key">{JSON.stringify(k)}</span>: {indent(JSON.stringify(v, null, 2) ?? 'null')}{i < entries.length - 1 ? ',' : ''}{'\n'}
            </span>
          ))}
          {'}'}
        </>
      )}
    </pre>
  );
}
