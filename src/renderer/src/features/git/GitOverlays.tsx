import { CloneDialog } from './CloneDialog';
import { CompatReportDialog } from './CompatReportDialog';
import { CredentialDialog } from './CredentialDialog';
import { DiffModal } from './DiffModal';
import './git.css';

/** Git's dialogs, mounted once for the window: they open from the panel, Home and the palette. */
export function GitOverlays() {
  return (
    <>
      <DiffModal />
      <CompatReportDialog />
      <CloneDialog />
      <CredentialDialog />
    </>
  );
}
