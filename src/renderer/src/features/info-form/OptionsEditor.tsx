import { useId, useState } from 'react';
import { Icon } from '../../components/Icon';
import { pathToPointer, type JSONPath } from '../../store/connector/document';
import { useConnectorStore } from '../../store/connector/store';
import { JsonBox } from './JsonBox';
import { allStrings } from './options';

/** The choices of a select or multiselect, one box each; options that are not plain strings are edited as JSON. */
export function OptionsEditor({ path, options }: { path: JSONPath; options: unknown }) {
  const id = useId();
  const [adding, setAdding] = useState('');
  if (options !== undefined && !allStrings(options)) return <JsonBox label="Options (JSON)" path={path} value={options} rows={4} />;
  const list = options ?? [];
  const store = useConnectorStore.getState();
  const add = () => {
    const v = adding.trim();
    if (!v || list.includes(v)) return;
    store.edit({ kind: 'insert', path, index: list.length, value: v });
    setAdding('');
  };
  return (
    <fieldset className="ff-row ff-wide ff-options" data-pointer={pathToPointer(path)}>
      <legend className="ff-label">Options</legend>
      <ul className="option-list">
        {list.map((o, i) => (
          <li key={i} className="option-item" data-pointer={`${pathToPointer(path)}/${i}`}>
            <input className="text-input" value={o} aria-label={`Option ${i + 1}`} data-testid="option-input"
              onChange={(e) => store.set([...path, i], e.target.value, `${pathToPointer(path)}/${i}`)} onBlur={() => store.endGroup()} />
            <button className="icon-button danger-hover" aria-label={`Remove option ${o}`} onClick={() => store.edit({ kind: 'remove', path, index: i })}>
              <Icon name="close" size={14} />
            </button>
          </li>
        ))}
      </ul>
      <div className="option-add">
        <input id={id} className="text-input" value={adding} placeholder="New option" aria-label="New option" data-testid="option-new"
          onChange={(e) => setAdding(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())} />
        <button className="button secondary small" onClick={add} disabled={!adding.trim()} data-testid="option-add">Add option</button>
      </div>
    </fieldset>
  );
}
