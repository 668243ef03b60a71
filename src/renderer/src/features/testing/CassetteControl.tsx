import { useId } from 'react';
import { CASSETTES_DIR, HEALTH_OPERATION, cassetteRelPath } from '../../../../shared/models/cassette';
import { useTestingStore } from '../../store/testing/store';
import type { CassetteMode } from '../../store/testing/types';

const MODES: readonly { id: CassetteMode; label: string }[] = [
  { id: 'off', label: 'Off' },
  { id: 'record', label: 'Record' },
  { id: 'replay', label: 'Replay' },
];

/** Off / Record / Replay and the cassette's name; shared by Test Actions and Check Health. */
export function CassetteControl({ operation }: { operation?: string | null }) {
  const mode = useTestingStore((s) => s.cassetteMode);
  const name = useTestingStore((s) => s.cassetteName);
  const nameId = useId();
  const set = useTestingStore.getState().setCassette;
  const file = cassetteRelPath(operation ?? HEALTH_OPERATION, name.trim() || '…');
  return (
    <fieldset className="tc-cassette" data-testid="cassette-control">
      <legend className="tc-label">HTTP cassette</legend>
      <div className="tc-segmented" role="radiogroup" aria-label="HTTP cassette mode">
        {MODES.map((m) => (
          <label key={m.id} className={`tc-seg${mode === m.id ? ' active' : ''}`}>
            <input type="radio" name="cassette-mode" className="visually-hidden" value={m.id} checked={mode === m.id}
              onChange={() => set({ mode: m.id })} data-testid={`cassette-${m.id}`} />
            {m.label}
          </label>
        ))}
      </div>
      {mode !== 'off' && (
        <div className="tc-field inline">
          <label htmlFor={nameId} className="small">Name</label>
          <input id={nameId} className="text-input narrow" value={name} onChange={(e) => set({ name: e.target.value })} spellCheck={false}
            data-testid="cassette-name" aria-describedby={`${nameId}-file`} />
          <p className="tc-help" id={`${nameId}-file`}>
            {mode === 'record' ? 'Saves the HTTP exchanges, secrets scrubbed, to ' : 'Answers HTTP offline from '}
            <code data-testid="cassette-file">{file}</code>
          </p>
        </div>
      )}
      {mode === 'off' && <p className="tc-help">Calls go to the vendor. Record to save them under {CASSETTES_DIR}/ and replay them offline.</p>}
    </fieldset>
  );
}
