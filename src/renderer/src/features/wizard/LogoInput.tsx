import { useId, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { dataUrlOf, ICON_TARGET, iconInfo, type IconSlot } from '../../store/wizard/icons';
import { useIssues } from './issues-context';
import { IssueList } from './FormRow';
import { readBase64 } from '../../lib/read-base64';

interface LogoProps {
  slot: IconSlot;
  value: string | undefined;
  onChange(base64: string | undefined): void;
}

/** A logo upload: preview, the real pixel size, and what happens to it when the project is written. */
export function LogoInput({ slot, value, onChange }: LogoProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const { issues } = useIssues();
  const info = iconInfo(value, slot);
  const want = ICON_TARGET[slot];
  const mine = issues.filter((i) => i.field === `icons/${slot}` && i.severity === 'error');

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      setReadError(null);
      onChange(await readBase64(file));
    } catch (e) {
      setReadError((e as Error).message);
    }
  };

  return (
    <div className="wz-logo" data-testid={`logo-${slot}`}>
      <div className="wz-logo-preview" style={{ width: want + 16, height: want + 16 }}>
        {value && info ? <img src={dataUrlOf(value)} alt={`${slot} logo preview`} width={want} height={want} /> : <Icon name="plug" size={Math.min(want, 32)} />}
      </div>
      <div className="wz-logo-text">
        <label htmlFor={id} className="wz-label">{slot === 'small' ? 'Small logo' : 'Large logo'} <span className="muted">({want}x{want} PNG)</span></label>
        <input ref={input} id={id} type="file" accept="image/png,image/jpeg" className="visually-hidden" tabIndex={-1} data-testid={`logo-${slot}-input`}
          onChange={(e) => void pick(e.target.files?.[0]).then(() => { e.target.value = ''; })} />
        <div className="button-row tight">
          <button type="button" className="button secondary small" aria-label={`${value ? 'Replace' : 'Upload'} the ${slot} logo`} onClick={() => input.current?.click()}>
            <Icon name="upload" /> {value ? 'Replace…' : 'Upload…'}
          </button>
          {value && <button type="button" className="button secondary small" aria-label={`Remove the ${slot} logo`} onClick={() => onChange(undefined)}>Remove</button>}
        </div>
        <p className="wz-help" data-testid={`logo-${slot}-size`}>{describe(info, want, !!value)}</p>
        {readError && <p className="field-error" role="alert">{readError}</p>}
        <IssueList issues={mine} />
      </div>
    </div>
  );
}

function describe(info: ReturnType<typeof iconInfo>, want: number, picked: boolean): string {
  if (!picked) return `None yet: a ${want}x${want} icon with the connector's initials is drawn for you.`;
  if (!info) return 'Not a PNG or JPEG image.';
  const size = `${info.format.toUpperCase()}, ${info.width}x${info.height} px.`;
  return info.scaled ? `${size} It is scaled to a ${want}x${want} PNG automatically when the project is written.` : `${size} The right size: used as it is.`;
}
