import type { Tab } from '../../store/editor/tabs';
import { pageOf } from './page-tabs';

/** The body of a page tab; a page from a previous window (its definition gone) says how to get it back. */
export function PageView({ tab }: { tab: Tab }) {
  const def = pageOf(tab.relPath);
  return (
    <div className="page-view" data-testid="page-view" data-page={def?.title ?? ''}>
      {def ? def.render() : <p className="muted pad">This page is no longer available: open it again from the Command Palette.</p>}
    </div>
  );
}
