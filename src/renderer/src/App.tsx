import { ConnectionBanner } from './components/ConnectionBanner';
import { Toasts } from './components/Toasts';
import { DialogHost } from './features/dialogs/DialogHost';
import { GitOverlays } from './features/git/GitOverlays';
import { HomePage } from './features/home/HomePage';
import { IdeView } from './features/ide/IdeView';
import { CommandPalette } from './features/palette/CommandPalette';
import { PublishOverlays } from './features/publish/PublishOverlays';
import { useGlobalShortcuts } from './features/palette/useGlobalShortcuts';
import { useOpenRequests } from './features/review/useOpenRequests';
import { SettingsPage } from './features/settings/SettingsPage';
import { AuthoringDialogs } from './features/wizard/AuthoringDialogs';
import { ApiImportHost } from './features/wizard/api-import/ApiImportDialog';
import { WizardPage } from './features/wizard/WizardPage';
import { navigate, useRoute } from './hooks/useRoute';
import { useBeforeUnload } from './hooks/useBeforeUnload';
import { useMenuCommands } from './hooks/useMenuCommands';
import { useProjectEvents } from './hooks/useProjectEvents';
import { useStartup } from './hooks/useStartup';
import { useTheme } from './hooks/useTheme';

function Page() {
  const route = useRoute();
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'settings':
      return (
        <main className="settings-standalone">
          <SettingsPage onClose={() => navigate({ page: 'home' })} />
        </main>
      );
    case 'new':
      return <WizardPage />;
    case 'project':
      return <IdeView key={route.projectId} projectId={route.projectId} showSettings={route.settings} />;
  }
}

export function App() {
  const ready = useStartup();
  useTheme();
  useGlobalShortcuts();
  useOpenRequests();
  useMenuCommands();
  useBeforeUnload();
  useProjectEvents();
  return (
    <>
      <ConnectionBanner />
      {ready ? <Page /> : <div className="boot" aria-busy="true" aria-label="Starting Connector Studio" />}
      <CommandPalette />
      <GitOverlays />
      <PublishOverlays />
      <DialogHost />
      <AuthoringDialogs />
      <ApiImportHost />
      <Toasts />
    </>
  );
}
