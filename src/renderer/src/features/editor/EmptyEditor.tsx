import { formatShortcut } from '../../store/palette/shortcuts';
import { isMac } from '../../hooks/platform';

const HINTS: [string, string][] = [
  ['Show All Commands', 'Mod+Shift+P'],
  ['Go to File', 'Mod+P'],
  ['Find in Files', 'Mod+Shift+F'],
  ['Save All', 'Mod+Alt+S'],
  ['Toggle Full-Screen Editor', 'Mod+Alt+Enter'],
];

/** What the editor area shows with no open file: the shortcuts that get a newcomer going. */
export function EmptyEditor() {
  const mac = isMac();
  return (
    <div className="empty-editor" data-testid="empty-editor">
      <div className="watermark" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="96" height="96" fill="none" stroke="currentColor" strokeWidth={1} strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 22v-5" /><path d="M9 8V2" /><path d="M15 8V2" /><path d="M18 8v5a4 4 0 0 1-4 4h-4a4 4 0 0 1-4-4V8Z" />
        </svg>
      </div>
      <dl className="shortcut-hints">
        {HINTS.map(([label, keys]) => (
          <div key={label} className="hint-row">
            <dt>{label}</dt>
            <dd><kbd>{formatShortcut(keys, mac)}</kbd></dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
