import { memo, useId } from 'react';
import { CONNECTOR_CATEGORIES, INGESTION_MODES, type InfoJson } from '../../../../shared/connector/info-json';
import { useConnectorStore } from '../../store/connector/store';
import { CheckProp, TextProp } from './controls';
import { JsonBox } from './JsonBox';

const CATEGORY_LIST_ID = 'cs-connector-categories';

/** A list kept as "a, b, c" in one box; written back as a list. */
function ListProp({ label, path, value }: { label: string; path: string[]; value: unknown }) {
  const id = useId();
  const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
  const write = (t: string) => {
    const items = t.split(',').map((x) => x.trim()).filter(Boolean);
    useConnectorStore.getState().set(path, items.length ? items : undefined, path.join('/'));
  };
  return (
    <div className="ff-row" data-pointer={`/${path.join('/')}`}>
      <label className="ff-label" htmlFor={id}>{label}</label>
      <input id={id} className="text-input wide" defaultValue={text} key={text} onBlur={(e) => write(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && write(e.currentTarget.value)} />
      <span className="ff-hint">Comma-separated; saved when you leave the box</span>
    </div>
  );
}

/** Name, version, publisher, icons and certification flags. */
export const MetadataSection = memo(function MetadataSection({ info }: { info: InfoJson }) {
  return (
    <div className="ff-grid">
      <TextProp label="Label" path={['label']} value={info.label} hint="Shown to users" />
      <TextProp label="Name" path={['name']} value={info.name} mono hint="Equals the folder name" />
      <TextProp label="Version" path={['version']} value={info.version} mono placeholder="1.0.0" />
      <TextProp label="Publisher" path={['publisher']} value={info.publisher} />
      <TextProp label="Description" path={['description']} value={info.description} multiline />
      {Array.isArray(info.category) ? (
        <ListProp label="Categories" path={['category']} value={info.category} />
      ) : (
        <TextProp label="Category" path={['category']} value={info.category} list={CATEGORY_LIST_ID} optional />
      )}
      <datalist id={CATEGORY_LIST_ID}>{CONNECTOR_CATEGORIES.map((c) => <option key={c} value={c} />)}</datalist>
      <TextProp label="Small icon (32×32)" path={['icon_small_name']} value={info.icon_small_name} optional mono placeholder="small.png" />
      <TextProp label="Large icon (80×80)" path={['icon_large_name']} value={info.icon_large_name} optional mono placeholder="large.png" />
      <TextProp label="Medium icon" path={['icon_medium_name']} value={info.icon_medium_name} optional mono />
      <TextProp label="Online help" path={['help_online']} value={info.help_online} optional placeholder="https://docs.fortinet.com/…" />
      <TextProp label="Help file" path={['help_file']} value={info.help_file} optional mono />
      <ListProp label="Tags" path={['tags']} value={info.tags} />
      <div className="ff-flags ff-wide">
        <CheckProp label="Content Hub compatible (cs_compatible)" path={['cs_compatible']} value={info.cs_compatible} />
        <CheckProp label="Certified (cs_approved)" path={['cs_approved']} value={info.cs_approved} />
      </div>
    </div>
  );
});

/** Data ingestion: whether the connector ingests, how, and its preferences. */
export const IngestionSection = memo(function IngestionSection({ info }: { info: InfoJson }) {
  const modes = Array.isArray(info.ingestion_modes) ? info.ingestion_modes : [];
  const toggle = (mode: string, on: boolean) => {
    const next = on ? INGESTION_MODES.filter((m) => m === mode || modes.includes(m)) : modes.filter((m) => m !== mode);
    useConnectorStore.getState().set(['ingestion_modes'], next.length ? next : undefined);
  };
  return (
    <div className="ff-grid">
      <div className="ff-flags ff-wide">
        <CheckProp label="Supports data ingestion" path={['ingestion_supported']} value={info.ingestion_supported} />
      </div>
      <fieldset className="ff-row ff-wide ff-choices" data-pointer="/ingestion_modes">
        <legend className="ff-label">Ingestion modes</legend>
        {INGESTION_MODES.map((m) => (
          <label key={m} className="ff-check">
            <input type="checkbox" checked={modes.includes(m)} onChange={(e) => toggle(m, e.target.checked)} /> {m}
          </label>
        ))}
      </fieldset>
      <JsonBox label="Ingestion preferences (JSON)" path={['ingestion_preferences']} value={info.ingestion_preferences} rows={4} />
    </div>
  );
});
