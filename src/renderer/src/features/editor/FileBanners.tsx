import { Icon } from '../../components/Icon';
import { useEditorStore } from '../../store/editor/store';
import { hasDiskChange, type Tab } from '../../store/editor/tabs';

/** Notices above the editor: a newer version on disk (the user picks), or why a file is read-only. */
export function FileBanners({ tab }: { tab: Tab }) {
  const { keepMine, takeTheirs } = useEditorStore.getState();
  return (
    <>
      {hasDiskChange(tab) && (
        <div className="banner banner-warning" role="alert" data-testid="disk-changed-banner">
          <Icon name="warning" />
          <span className="banner-text">“{tab.relPath}” changed on disk while you have unsaved changes here.</span>
          <button className="button secondary small" onClick={() => keepMine(tab.relPath)}>Keep mine</button>
          <button className="button secondary small" onClick={() => void takeTheirs(tab.relPath)}>Take theirs</button>
        </div>
      )}
      {tab.notice && (
        <div className={`banner ${tab.readOnly ? 'banner-info' : 'banner-warning'}`} role="status" data-testid="file-notice">
          <Icon name="info" />
          <span className="banner-text">{tab.notice}</span>
        </div>
      )}
    </>
  );
}
