import { useEditorStore, editorSelectors } from '../../store/editor/store';
import { InfoJsonBar, InfoJsonPane, useInfoJsonLayout } from '../info-form/InfoJsonPane';
import { EditorActions } from './EditorActions';
import { EditorTabs, EDITOR_PANEL_ID } from './EditorTabs';
import { EmptyEditor } from './EmptyEditor';
import { FileBanners } from './FileBanners';
import { ImagePreview } from './ImagePreview';
import { MonacoView } from './MonacoView';
import { PageView } from './PageView';

/** Tabs over the active file: Monaco for text (kept mounted so switching tabs is instant), a preview for images. */
export function EditorArea() {
  const tab = useEditorStore(editorSelectors.activeTab);
  const hasTabs = useEditorStore((s) => s.tabs.length > 0);
  const infoLayout = useInfoJsonLayout(tab?.kind === 'text' ? tab.relPath : null);
  return (
    <div className="editor-area">
      <div className="editor-tabbar">
        <EditorTabs />
        <EditorActions tab={tab ?? null} />
      </div>
      <div id={EDITOR_PANEL_ID} className="editor-panel" role={hasTabs ? 'tabpanel' : undefined} aria-label={tab ? tab.relPath : undefined}>
        {tab && tab.kind !== 'page' && <FileBanners tab={tab} />}
        {tab && infoLayout && <InfoJsonBar layout={infoLayout} />}
        <div className={`editor-content${infoLayout ? ` info-${infoLayout}` : ''}`}>
          <MonacoView tab={tab?.kind === 'text' ? tab : null} />
          {tab && infoLayout && infoLayout !== 'json' && <InfoJsonPane relPath={tab.relPath} layout={infoLayout} />}
          {tab?.kind === 'image' && <ImagePreview tab={tab} />}
          {tab?.kind === 'binary' && <div className="binary-file muted">This file is binary and cannot be shown.</div>}
          {tab?.kind === 'page' && <PageView key={tab.relPath} tab={tab} />}
          {!tab && <EmptyEditor />}
        </div>
      </div>
    </div>
  );
}
