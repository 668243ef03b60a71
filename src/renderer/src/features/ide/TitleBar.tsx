import { Icon } from '../../components/Icon';
import { isMac } from '../../hooks/platform';
import { navigate } from '../../hooks/useRoute';
import { usePaletteStore } from '../../store/palette/store';
import { formatShortcut } from '../../store/palette/shortcuts';
import { toggleFullScreen } from '../palette/app-commands';

/** Project name on the left, a "command center" that opens quick open in the middle, as in VS Code. */
export function TitleBar({ title }: { title: string }) {
  const mac = isMac();
  return (
    <header className="title-bar">
      <button className="title-brand" onClick={() => navigate({ page: 'home' })} aria-label="Connector Studio: go to Home" title="Home">
        <Icon name="plug" size={16} /> <span>Connector Studio</span>
      </button>
      <button className="command-center" onClick={() => usePaletteStore.getState().show('')} data-testid="command-center">
        <Icon name="search" size={14} />
        <span className="command-center-text">{title}</span>
        <kbd>{formatShortcut('Mod+P', mac)}</kbd>
      </button>
      <div className="title-actions">
        <button className="icon-button" onClick={() => usePaletteStore.getState().show('>')} aria-label="Show all commands" title={`Show All Commands (${formatShortcut('Mod+Shift+P', mac)})`} data-testid="show-commands">
          <Icon name="command" />
        </button>
        <button className="icon-button" onClick={() => toggleFullScreen()} aria-label="Toggle full-screen editor" title={`Full-Screen Editor (${formatShortcut('Mod+Alt+Enter', mac)})`} data-testid="toggle-fullscreen">
          <Icon name="maximize" />
        </button>
      </div>
    </header>
  );
}
