import { toastError, toastSuccess } from '../../store/app/store';
import { useTestingStore } from '../../store/testing/store';
import type { ResultView } from '../../store/testing/types';
import { DataTable } from './DataTable';
import { JsonView } from './JsonView';

interface Props {
  readonly data: unknown;
  readonly extra: readonly string[];
  readonly binary?: boolean;
  /** Names the downloaded file. */
  readonly operation: string;
}

const VIEWS: readonly { id: ResultView; label: string }[] = [
  { id: 'json', label: 'JSON' },
  { id: 'table', label: 'Table' },
];

/** Hands the data to the browser as a .json download (desktop: Electron's save dialog). */
function download(text: string, operation: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${operation}-result.json`;
  a.click();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** An action's data as formatted JSON or as a table (the choice sticks across runs), with Copy and Download. */
export function ResultData({ data, extra, binary, operation }: Props) {
  const view = useTestingStore((s) => s.resultView);
  const text = JSON.stringify(data, null, 2) ?? 'null';
  const copy = () => navigator.clipboard.writeText(text).then(() => toastSuccess('Copied the data.'), toastError);
  const shown = binary ? 'json' : view;
  return (
    <div className="tc-json-wrap">
      <div className="tc-json-head">
        <span className="tc-schema-label">Data{binary ? ' (binary, base64)' : ''}</span>
        {!binary && (
          <div className="tc-segmented" role="group" aria-label="Show the data as">
            {VIEWS.map((v) => (
              <button key={v.id} type="button" className={`tc-seg${shown === v.id ? ' active' : ''}`} aria-pressed={shown === v.id}
                onClick={() => useTestingStore.getState().setResultView(v.id)} data-testid={`result-view-${v.id}`}>{v.label}</button>
            ))}
          </div>
        )}
        <span className="tc-spacer" />
        <button className="button secondary small" onClick={() => void copy()} data-testid="result-copy">Copy</button>
        <button className="button secondary small" onClick={() => download(text, operation)} data-testid="result-download">Download</button>
      </div>
      {shown === 'table' ? <DataTable data={data} label="Data as a table" /> : <JsonView data={data} extra={extra} />}
    </div>
  );
}
