import type { PlatformFileSummary, PlatformIngestBatch, PlatformModuleSnapshot, PlatformRecordSummary } from '../../../../shared/models/platform-data';
import { Icon } from '../../components/Icon';
import { formatWhen } from '../../store/platform-data/model';
import { usePlatformDataStore } from '../../store/platform-data/store';
import { FileFacts, ItemDetail, RecordDetail } from './RecordDetail';
import { plural } from '../../../../shared/plural';

/** Rows the arrow keys move between (PlatformDataView's onKeyDown). */
export const NAV_ATTR = 'data-pd-nav';
const nav = { [NAV_ATTR]: '' };

const detailId = (iri: string) => `pd-detail-${iri.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

function RecordRow({ r }: { r: PlatformRecordSummary }) {
  const selected = usePlatformDataStore((s) => s.selectedIri === r.iri);
  return (
    <li className={`pd-row${selected ? ' selected' : ''}`}>
      <button className="pd-item" {...nav} aria-expanded={selected} aria-controls={selected ? detailId(r.iri) : undefined}
        onClick={() => usePlatformDataStore.getState().select(r.iri)} data-testid="platform-record" data-iri={r.iri} title={r.iri}>
        <span className="pd-name">{r.displayName}</span>
        <span className="muted small">#{r.id} · {formatWhen(r.createdAt)}</span>
      </button>
      {selected && <RecordDetail id={detailId(r.iri)} r={r} />}
    </li>
  );
}

function Heading({ id, label, type, count, collapsed }: { id: string; label: string; type?: string; count: number; collapsed: boolean }) {
  return (
    <button className="pd-module-head" {...nav} data-pd-module={id} aria-expanded={!collapsed} onClick={() => usePlatformDataStore.getState().toggleModule(id)}
      data-testid="platform-module-toggle">
      <Icon name={collapsed ? 'chevronRight' : 'chevronDown'} size={14} />
      <span className="pd-module-name">{label}</span>
      {type && <span className="muted small">{type}</span>}
      <span className="count-badge" aria-label={`${count} in ${label}`}>{count}</span>
    </button>
  );
}

const capNote = (shown: number, total: number) =>
  shown < total ? <li className="muted small pd-cap">The newest {shown} of {total} are listed.</li> : null;

export function ModuleSection({ m }: { m: PlatformModuleSnapshot }) {
  const collapsed = usePlatformDataStore((s) => !!s.collapsed[m.module]);
  return (
    <section className="pd-module" aria-label={`Module ${m.module}`} data-testid="platform-module" data-module={m.module}>
      <Heading id={m.module} label={m.module} type={m.type} count={m.total} collapsed={collapsed} />
      {!collapsed && (
        <ul className="pd-list">
          {m.records.map((r) => <RecordRow key={r.iri} r={r} />)}
          {capNote(m.records.length, m.total)}
        </ul>
      )}
    </section>
  );
}

function FileRow({ f }: { f: PlatformFileSummary }) {
  const selected = usePlatformDataStore((s) => s.selectedIri === f.iri);
  return (
    <li className={`pd-row${selected ? ' selected' : ''}`}>
      <button className="pd-item" {...nav} aria-expanded={selected} aria-controls={selected ? detailId(f.iri) : undefined}
        onClick={() => usePlatformDataStore.getState().select(f.iri)} data-testid="platform-file" data-iri={f.iri} title={f.iri}>
        <FileFacts file={f} />
      </button>
      {selected && <ItemDetail id={detailId(f.iri)} iri={f.iri} createdBy={f.createdBy} json={f} label={`File ${f.filename}`} />}
    </li>
  );
}

/** `files` is a module like the others on the server; here it lists name, size and type first. */
export function FilesSection({ files, total }: { files: readonly PlatformFileSummary[]; total: number }) {
  const collapsed = usePlatformDataStore((s) => !!s.collapsed.files);
  if (!total) return null;
  return (
    <section className="pd-module" aria-label="Files" data-testid="platform-files" data-module="files">
      <Heading id="files" label="files" type="File" count={total} collapsed={collapsed} />
      {!collapsed && (
        <ul className="pd-list">
          {files.map((f) => <FileRow key={f.iri} f={f} />)}
          {capNote(files.length, total)}
        </ul>
      )}
    </section>
  );
}

/** What `trigger_ingest_playbook` was given, and what its dedup kept. */
export function IngestSection({ batches }: { batches: readonly PlatformIngestBatch[] }) {
  const collapsed = usePlatformDataStore((s) => !!s.collapsed['#ingest']);
  if (!batches.length) return null;
  return (
    <section className="pd-module" aria-label="Ingested batches" data-testid="platform-ingest">
      <Heading id="#ingest" label="ingested" count={batches.length} collapsed={collapsed} />
      {!collapsed && (
        <ul className="pd-list">
          {batches.map((b, i) => (
            <li key={i} className="pd-row pd-batch" data-testid="platform-batch">
              <span className="pd-name">{b.playbook}</span>
              <span className="muted small">
                {b.accepted} of {b.count} kept{b.skippedDuplicates ? `, ${plural(b.skippedDuplicates, 'duplicate')} skipped` : ''}
                {b.dedupField ? ` (dedup on ${b.dedupField})` : ''} · {formatWhen(b.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
