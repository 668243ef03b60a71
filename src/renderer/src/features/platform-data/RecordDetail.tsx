import type { ReactNode } from 'react';
import type { PlatformFileSummary, PlatformRecordSummary, PlatformRunRef } from '../../../../shared/models/platform-data';
import { createdByText, filesOfRecord, formatBytes } from '../../store/platform-data/model';
import { usePlatformDataStore } from '../../store/platform-data/store';

/** One item's detail under its row: where it came from, what it points at, then the whole of it as formatted JSON. */
export function ItemDetail({ id, iri, createdBy, json, label, children }: { id: string; iri: string; createdBy?: PlatformRunRef; json: unknown; label: string; children?: ReactNode }) {
  return (
    <div className="pd-detail" id={id} data-testid="platform-detail" data-iri={iri}>
      <p className="pd-detail-iri"><span className="muted small">IRI</span> <code className="mono" data-testid="platform-detail-iri">{iri}</code></p>
      {createdBy && <p className="muted small" data-testid="platform-detail-origin">Written by {createdByText(createdBy)}</p>}
      {children}
      {json !== undefined && <pre className="tc-pre pd-json" tabIndex={0} aria-label={`${label} as JSON`} data-testid="platform-detail-json">{JSON.stringify(json, null, 2)}</pre>}
    </div>
  );
}

/** A record's detail: the record whole, as a connector GETs it (platform.record), with the files it points at (an
 * attachment's `file`) listed under it by name, size and type; each opens the file's own row. */
export function RecordDetail({ id, r }: { id: string; r: PlatformRecordSummary }) {
  const loaded = usePlatformDataStore((s) => (s.record?.iri === r.iri ? s.record.json : null));
  const error = usePlatformDataStore((s) => s.recordError);
  const snapshot = usePlatformDataStore((s) => s.snapshot);
  const files = loaded ? filesOfRecord(snapshot, loaded) : [];
  return (
    <ItemDetail id={id} iri={r.iri} createdBy={r.createdBy} json={loaded ?? undefined} label={`${r.type} ${r.displayName}`}>
      {error && <p className="pd-notice" role="alert" data-testid="platform-detail-error">{error}</p>}
      {!loaded && !error && <p className="muted small" role="status" data-testid="platform-detail-loading">Reading the record…</p>}
      {files.length > 0 && (
        <ul className="pd-detail-files" aria-label={`Files of ${r.displayName}`} data-testid="platform-detail-files">
          {files.map((f) => (
            <li key={f.iri}>
              <span className="muted small">File</span>
              <button className="pd-detail-file" onClick={() => void usePlatformDataStore.getState().reveal(f.iri)} title={`Show ${f.iri}`} data-testid="platform-detail-file" data-iri={f.iri}>
                <FileFacts file={f} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </ItemDetail>
  );
}

/** A stored file's name, size and type: the facts a reviewer checks first. */
export function FileFacts({ file }: { file: PlatformFileSummary }) {
  return (
    <span className="pd-file-facts">
      <span className="pd-name" data-testid="platform-file-name">{file.filename}</span>
      <span className="muted small" data-testid="platform-file-meta">{formatBytes(file.size)} · {file.mimeType || 'unknown type'}</span>
    </span>
  );
}
