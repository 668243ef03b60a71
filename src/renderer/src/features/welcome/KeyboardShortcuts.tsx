import { useId, useMemo, useState } from 'react';
import { isMac } from '../../hooks/platform';
import { allCommands } from '../../store/palette/commands';
import { formatShortcut } from '../../store/palette/shortcuts';
import { keyRows, matchesKeyFilter } from './key-rows';
import './welcome.css';

/** Every key binding of the app, from the one command registry (window-wide keys, the editor's, the Explorer's),
 * filtered as the user types a command name, a category, a key ("F12", "Ctrl+Alt") or where it works. */
export function KeyboardShortcuts() {
  const mac = isMac();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const rows = useMemo(() => keyRows(allCommands(), (s) => formatShortcut(s, mac)), [mac]);
  const shown = rows.filter((r) => matchesKeyFilter(r, filter));
  return (
    <article className="keys-page" data-testid="keyboard-shortcuts">
      <h1>Keyboard Shortcuts</h1>
      <label htmlFor={filterId} className="visually-hidden">Search keyboard shortcuts</label>
      <input id={filterId} className="text-input keys-filter" type="search" placeholder="Type a command, a key (F12, Ctrl+Alt) or where it works"
        value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="keys-filter" autoFocus />
      <p className="muted small" aria-live="polite" data-testid="keys-count">{shown.length} of {rows.length} bindings</p>
      <table className="keys-table">
        <thead><tr><th scope="col">Command</th><th scope="col">Key</th><th scope="col">Where</th></tr></thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id} data-testid="keys-row" data-command={r.id}>
              <td>{r.category}: {r.title}</td>
              <td><kbd>{r.keys}</kbd></td>
              <td className="muted">{r.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
