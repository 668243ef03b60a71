import { assertNever } from '../../../../shared/result';
import { transportKind } from '../../api/client';
import { Modal } from '../../components/Modal';
import { useAuthoringStore, type AuthoringDialog, type ExportProgress, type ExportResult } from '../../store/wizard/authoring';
import { downloadArchive, exportTgz } from './authoring-commands';
import { DuplicateDialog } from './DuplicateDialog';
import { TagVersionButton } from './TagVersionButton';
import './wizard.css';

const close = () => useAuthoringStore.getState().show(null);
const kb = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

/** Export, import and duplicate dialogs, and the export progress panel; mounted once beside the app's DialogHost. */
export function AuthoringDialogs() {
  const dialog = useAuthoringStore((s) => s.dialog);
  const exporting = useAuthoringStore((s) => s.exporting);
  return (
    <>
      {exporting && <ExportProgressPanel progress={exporting} />}
      {dialog && <DialogFor dialog={dialog} />}
    </>
  );
}

/** A small panel while an export runs: validation first, then a bar with the count of entries packed. */
function ExportProgressPanel({ progress }: { progress: ExportProgress }) {
  const packing = progress.total > 0;
  return (
    <div className="pkg-progress" role="status" aria-live="polite" data-testid="export-progress">
      <div className="pkg-progress-title">Exporting .tgz</div>
      <progress max={packing ? progress.total : undefined} value={packing ? progress.done : undefined} aria-label="Export progress" />
      <div className="small muted" data-testid="export-progress-text">
        {packing ? `Packed ${progress.done} of ${progress.total} files` : 'Validating…'}
      </div>
    </div>
  );
}

function DialogFor({ dialog }: { dialog: AuthoringDialog }) {
  switch (dialog.kind) {
    case 'exported':
      return <ExportedDialog result={dialog.result} projectId={dialog.projectId} />;
    case 'exportRefused':
      return <ExportRefusedDialog message={dialog.message} projectId={dialog.projectId} />;
    case 'importFailed':
      return (
        <Modal title="Import refused" onCancel={close} testId="import-failed-dialog" width={560}
          footer={<button className="button primary" onClick={close}>Close</button>}>
          <p className="dialog-message">Nothing was written to the workspace: <span className="mono">{dialog.fileName}</span> was refused.</p>
          <p className="pkg-problems" role="alert" data-testid="import-error">{dialog.message}</p>
        </Modal>
      );
    case 'duplicate':
      return <DuplicateDialog projectId={dialog.projectId} initial={dialog.initial} onClose={close} />;
    default:
      return assertNever(dialog);
  }
}

function ExportedDialog({ result, projectId }: { result: ExportResult; projectId: string }) {
  return (
    <Modal title="Exported" onCancel={close} testId="export-dialog" width={560}
      footer={<>
        <TagVersionButton projectId={projectId} version={result.version} />
        <button className="button secondary" onClick={() => downloadArchive(result)} data-testid="export-download">Download Again</button>
        <button className="button primary" onClick={close}>Close</button>
      </>}>
      <p className="dialog-message">
        <strong>{result.fileName}</strong> ({kb(result.bytes)}) {transportKind() === 'http' ? 'is downloading; a copy is' : 'is'} at <span className="mono">{result.file}</span>.
      </p>
      <div className="pkg-meta muted small">
        <span>{result.name} {result.version}</span>
        <span data-testid="export-count">{result.entries.length} entries</span>
      </div>
      <ul className="pkg-entries" aria-label="Archive entries" data-testid="export-entries" tabIndex={0}>
        {result.entries.map((e) => <li key={e}>{e}</li>)}
      </ul>
    </Modal>
  );
}

// Export Anyway packs the project that was refused: from Home's card menu it is not the open one.
function ExportRefusedDialog({ message, projectId }: { message: string; projectId: string }) {
  const [first, ...rest] = message.split('\n');
  return (
    <Modal title="Not exported" onCancel={close} testId="export-refused-dialog" width={600}
      footer={<>
        <button className="button secondary danger-text" onClick={() => void exportTgz(true, projectId)} data-testid="export-force">Export Anyway</button>
        <button className="button primary" onClick={close}>Close</button>
      </>}>
      <p className="dialog-message">{first} Fix them first: FortiSOAR refuses to import a connector with these errors.</p>
      <p className="pkg-problems" data-testid="export-problems">{rest.join('\n')}</p>
    </Modal>
  );
}
