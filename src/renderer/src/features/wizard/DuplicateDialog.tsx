import { useMemo, useState } from 'react';
import { messageOf } from '../../api/api-error';
import { Modal } from '../../components/Modal';
import { useProjectsStore } from '../../store/projects/store';
import { useAuthoringStore } from '../../store/wizard/authoring';
import { checkDuplicate, type DuplicateAs } from '../../store/wizard/versions';
import { submitDuplicate } from './authoring-commands';

const FIELDS: readonly { key: keyof DuplicateAs; label: string; help: string }[] = [
  { key: 'name', label: 'API identifier', help: 'The new folder and info.json name.' },
  { key: 'label', label: 'Connector name', help: 'What FortiSOAR users see.' },
  { key: 'version', label: 'Version', help: 'x.y.z; a copy usually starts at 1.0.0.' },
];

/** FortiSOAR's clone dialog: a new name, label and version for a copy of the open connector. */
export function DuplicateDialog({ projectId, initial, onClose }: { projectId: string; initial: DuplicateAs; onClose(): void }) {
  const [as, setAs] = useState(initial);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useAuthoringStore((s) => s.busy);
  const projects = useProjectsStore((s) => s.projects);
  const taken = useMemo(() => projects.map((p) => p.name), [projects]);
  const errors = checkDuplicate(as, taken);
  const submit = async () => {
    setTried(true);
    if (Object.keys(errors).length) return;
    try {
      await submitDuplicate(projectId, { name: as.name.trim(), label: as.label.trim(), version: as.version.trim() });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Modal title="Duplicate Connector" onCancel={onClose} testId="duplicate-dialog" width={480}
      footer={<>
        <button className="button secondary" onClick={onClose}>Cancel</button>
        <button className="button primary" disabled={busy} onClick={() => void submit()} data-testid="duplicate-submit">Duplicate</button>
      </>}>
      <form className="dup-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
        {FIELDS.map(({ key, label, help }) => {
          const shown = (tried || as[key] !== initial[key]) && errors[key];
          return (
            <div className="wz-row" key={key}>
              <label className="wz-label" htmlFor={`dup-${key}`}>{label}</label>
              <input id={`dup-${key}`} className={`text-input wide${key === 'label' ? '' : ' mono'}`} value={as[key]} aria-invalid={!!shown}
                aria-describedby={`dup-${key}-help`} onChange={(e) => setAs({ ...as, [key]: e.target.value })} data-testid={`duplicate-${key}`} />
              <p id={`dup-${key}-help`} className={shown ? 'field-error' : 'wz-help'}>{shown || help}</p>
            </div>
          );
        })}
        <button type="submit" hidden />
      </form>
      {error && <p className="field-error" role="alert">{error}</p>}
    </Modal>
  );
}
