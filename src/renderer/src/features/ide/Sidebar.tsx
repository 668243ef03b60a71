import { usePersistentNumber } from '../../hooks/usePersistentNumber';
import { Resizer } from '../../components/Resizer';
import { useAppStore } from '../../store/app/store';
import { ExplorerView } from '../file-tree/ExplorerView';
import { GitPanel } from '../git/GitPanel';
import { SearchPanel } from '../search/SearchPanel';
import { TestView } from '../testing/TestView';
import { DebugView } from '../debug/DebugView';
import { TestsView } from '../tests-view/TestsView';
import { PlatformDataView } from '../platform-data/PlatformDataView';
import { IngestionView } from '../ingestion/IngestionView';
import { PublishPanel } from '../publish/PublishPanel';
import { PlaybooksPanel } from '../playbooks/PlaybooksPanel';
import { ReviewPanel } from '../review/ReviewPanel';

/** The resizable side bar; its width is a UI preference kept in localStorage. */
export function Sidebar({ title }: { title: string }) {
  const view = useAppStore((s) => s.sidebar);
  const [width, setWidth] = usePersistentNumber('cs.sidebarWidth', 280);
  return (
    <>
      <aside className="sidebar" style={{ width }} aria-label="Side bar" data-testid="sidebar">
        {view === 'explorer' && <ExplorerView title={title} />}
        {view === 'search' && <SearchPanel />}
        {view === 'git' && <GitPanel />}
        {view === 'test' && <TestView />}
        {view === 'tests' && <TestsView />}
        {view === 'debug' && <DebugView />}
        {view === 'platform' && <PlatformDataView />}
        {view === 'ingestion' && <IngestionView />}
        {view === 'publish' && <PublishPanel />}
        {view === 'review' && <ReviewPanel />}
        {view === 'playbooks' && <PlaybooksPanel />}
      </aside>
      <Resizer label="Resize side bar" value={width} min={170} max={700} onChange={setWidth} />
    </>
  );
}
