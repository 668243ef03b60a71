import { useEffect, useState } from 'react';
import type { EnvironmentKind, InterpreterSource, RuntimeEnvironment } from '../../../../shared/models/environment';
import { onEvent } from '../../api/client';
import { useAppStore } from '../../store/app/store';
import { confirmDialog } from '../../store/dialogs/store';
import { useEnvironmentStore } from '../../store/testing/environment';
import { DependenciesSection } from './DependenciesSection';
import { PlatformSection } from './PlatformSection';
import './environment.css';

const SOURCE: Record<InterpreterSource, string> = {
  venv: "the connector's virtualenv",
  platform: 'the platform default',
  connector: "this connector's interpreter",
  settings: 'the interpreter in Settings',
};
const OTHER = '\u0000other';
const KIND: Record<EnvironmentKind, string> = {
  connector: 'its own virtualenv',
  platform: 'the platform default (FortiSOAR’s pre-installed libraries)',
  interpreter: 'the plain interpreter (no virtualenv, no platform default)',
};

/** The Test view's Environment tab: which Python runs this connector, and its dependencies in a virtualenv. */
export function EnvironmentPanel() {
  const projectId = useAppStore((s) => s.projectId);
  const { env, error, loading } = useEnvironmentStore();
  useEffect(() => {
    if (!projectId) return;
    void useEnvironmentStore.getState().open(projectId);
    void useEnvironmentStore.getState().detectInterpreters();
    // An edited requirements.txt shows at once; installing stays the user's call.
    return onEvent('files.changed', (e) => {
      if (e.projectId === projectId && e.relPaths.some((p) => p === 'requirements.txt' || p.endsWith('/requirements.txt'))) void useEnvironmentStore.getState().reload();
    });
  }, [projectId]);
  return (
    <div className="tc-panel env-panel" data-testid="environment-panel" aria-busy={loading}>
      {error && <p className="inline-error" role="alert" data-testid="env-error">{error}</p>}
      {!env && !error && <p className="muted small">Reading the environment…</p>}
      {env && (
        <>
          <p className="small env-kind" data-testid="env-kind" data-kind={env.kind}>
            This connector runs on <strong>{KIND[env.kind]}</strong>.
          </p>
          <InterpreterSection env={env} />
          <DependenciesSection env={env} />
          <VenvSection env={env} />
          <PlatformSection env={env} />
        </>
      )}
    </div>
  );
}

function InterpreterSection({ env }: { env: RuntimeEnvironment }) {
  const i = env.interpreter;
  return (
    <section className="env-section" aria-labelledby="env-interpreter-title">
      <h3 className="tc-title" id="env-interpreter-title">Interpreter</h3>
      <p className="env-runs" data-testid="env-interpreter">
        {i.found ? (
          <>
            <strong data-testid="env-python-version">Python {i.version}</strong> <code className="env-path" title={i.path}>{i.path}</code>
          </>
        ) : (
          <span className="field-error">“{i.command}” does not start.</span>
        )}
        <span className="muted small" data-testid="env-interpreter-source"> from {SOURCE[i.source]}</span>
      </p>
      <InterpreterPicker env={env} />
    </section>
  );
}

/** Confirms first when a virtualenv exists: it was made by the old interpreter and is removed. */
async function choose(env: RuntimeEnvironment, value: string) {
  if (value === env.selected) return;
  if (env.venv.exists) {
    const ok = await confirmDialog({
      title: 'Change the interpreter?',
      message: 'The virtualenv was made with the current interpreter and is removed; install the dependencies again afterwards.',
      confirmLabel: 'Change',
    });
    if (!ok) return;
  }
  await useEnvironmentStore.getState().setInterpreter(value);
}

function InterpreterPicker({ env }: { env: RuntimeEnvironment }) {
  const interpreters = useEnvironmentStore((s) => s.interpreters);
  const detected = interpreters ?? [];
  const [other, setOther] = useState('');
  const [editing, setEditing] = useState(false);
  const onChange = (v: string) => {
    setEditing(v === OTHER);
    if (v !== OTHER) void choose(env, v);
  };
  return (
    <div className="env-picker">
      <label className="tc-field">
        <span className="tc-label">Run this connector with</span>
        <select className="select wide" value={editing ? OTHER : env.selected} onChange={(e) => onChange(e.target.value)} data-testid="env-interpreter-select">
          <option value="">Settings default ({env.settingsInterpreter})</option>
          {env.selected && !detected.some((d) => d.command === env.selected) && <option value={env.selected}>{env.selected}</option>}
          {detected.map((d) => (
            <option key={d.command} value={d.command}>{d.command} · Python {d.version}</option>
          ))}
          <option value={OTHER}>Other interpreter…</option>
        </select>
        <span className="tc-help">
          {interpreters === null ? 'Looking for python3 and python3.x on PATH… ' : ''}
          Pick the Python version your FortiSOAR server runs, so imports and syntax behave as they will there.
        </span>
      </label>
      {editing && (
        <form className="env-other" onSubmit={(e) => (e.preventDefault(), setEditing(false), void choose(env, other.trim()))}>
          <input className="input" value={other} onChange={(e) => setOther(e.target.value)} placeholder="/usr/bin/python3.9" aria-label="Interpreter command or path" data-testid="env-interpreter-other" />
          <button className="button secondary small" type="submit" disabled={!other.trim()}>Use</button>
        </form>
      )}
    </div>
  );
}

async function removeVenv() {
  const ok = await confirmDialog({ title: 'Remove the virtualenv?', message: 'The connector runs on its interpreter without the installed dependencies until you install them again.', confirmLabel: 'Remove', danger: true });
  if (ok) await useEnvironmentStore.getState().removeVenv();
}

function VenvSection({ env }: { env: RuntimeEnvironment }) {
  const busy = useEnvironmentStore((s) => s.install?.running ?? false);
  return (
    <section className="env-section" aria-labelledby="env-venv-title">
      <h3 className="tc-title" id="env-venv-title">Virtualenv</h3>
      <p className="muted small">
        Kept in your user data folder, never in the project: <code className="env-path" data-testid="env-venv-path">{env.venv.path}</code>
      </p>
      {!env.venv.exists && (
        <p className="small" data-testid="env-venv-missing">
          No virtualenv yet: the connector runs on {env.kind === 'platform' ? 'the platform default below' : 'the interpreter above with what it has installed'}.
        </p>
      )}
      {env.venv.exists && (
        <>
          <p className="small">{env.packages.length ? 'Installed in the virtualenv:' : 'Nothing installed in the virtualenv itself (the interpreter’s own packages are visible to it).'}</p>
          {env.packages.length > 0 && (
            <ul className="env-packages" aria-label="Installed packages" data-testid="env-packages">
              {env.packages.map((p) => <li key={p.name}><code>{p.name}</code> <span className="muted">{p.version}</span></li>)}
            </ul>
          )}
          <div>
            <button className="button secondary small" disabled={busy} onClick={() => void removeVenv()} data-testid="env-remove-venv">Remove Virtualenv</button>
          </div>
        </>
      )}
    </section>
  );
}
