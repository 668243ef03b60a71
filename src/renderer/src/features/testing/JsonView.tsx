import { toastError, toastSuccess } from '../../store/app/store';

interface Props {
  data: unknown;
  /** Top-level keys output_schema does not declare: highlighted. */
  extra: readonly string[];
  binary?: boolean;
}

const indent = (text: string) => text.replace(/\n/g, '\n  ');

/** Formatted JSON of an action's data, with the top-level keys the schema does not know marked. */
export function JsonView({ data, extra, binary }: Props) {
  const text = JSON.stringify(data, null, 2) ?? 'null';
  const copy = () => navigator.clipboard.writeText(text).then(() => toastSuccess('Copied the data.'), toastError);
  const plain = data !== null && typeof data === 'object' && !Array.isArray(data);
  const entries = plain ? Object.entries(data as Record<string, unknown>) : [];
  return (
    <div className="tc-json-wrap">
      <div className="tc-json-head">
        <span className="tc-schema-label">Data{binary ? ' (binary, base64)' : ''}</span>
        <button className="button secondary small" onClick={() => void copy()}>Copy</button>
      </div>
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
    </div>
  );
}
