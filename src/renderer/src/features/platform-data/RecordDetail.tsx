import type { PlatformFileSummary, PlatformRunRef } from '../../../../shared/models/platform-data';
import { createdByText, formatBytes } from '../../store/platform-data/model';

/** One item's detail under its row: where it came from, then the whole of it as formatted JSON. */
export function ItemDetail({ id, iri, createdBy, json, label }: { id: string; iri: string; createdBy?: PlatformRunRef; json: unknown; label: string }) {
  return (
    <div className="pd-detail" id={id} data-testid="platform-detail" data-iri={iri}>
      <p className="pd-detail-iri"><span className="muted small">IRI</span> <code className="mono" data-testid="platform-detail-iri">{iri}</code></p>
      {createdBy && <p className="muted small" data-testid="platform-detail-origin">Written by {createdByText(createdBy)}</p>}
      <pre className="tc-pre pd-json" tabIndex={0} aria-label={`${label} as JSON`} data-testid="platform-detail-json">{JSON.stringify(json, null, 2)}</pre>
    </div>
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
