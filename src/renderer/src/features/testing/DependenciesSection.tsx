import type { PlatformLibraryState, RuntimeEnvironment } from '../../../../shared/models/environment';
import { plural } from '../../../../shared/plural';
import { useEnvironmentStore, type InstallRun } from '../../store/testing/environment';

/** requirements.txt, the platform's libraries to add, the Install button with progress, and pip's log. */
export function DependenciesSection({ env }: { env: RuntimeEnvironment }) {
  const run = useEnvironmentStore((s) => s.install);
  const install = run?.target === 'dependencies' ? run : null; // the platform default's shows in its own section
  const failed = new Set(install?.outcome?.failed ?? (install ? [] : env.lastInstall?.failed ?? []));
  return (
    <section className="env-section" aria-labelledby="env-deps-title">
      <h3 className="tc-title" id="env-deps-title">Dependencies</h3>
      {env.requirements.length ? (
        <ul className="env-requirements" aria-label="requirements.txt" data-testid="env-requirements">
          {env.requirements.map((r) => (
            <li key={r} className={failed.has(r) ? 'failed' : ''} data-failed={failed.has(r) || undefined}><code>{r}</code></li>
          ))}
        </ul>
      ) : (
        <p className="muted small" data-testid="env-no-requirements">requirements.txt names nothing to install.</p>
      )}
      {env.hasPackagesDir && <p className="muted small">pip also looks for wheels in the connector’s packages/ folder.</p>}
      <PlatformLibraries libraries={env.platformLibraries} />
      <InstallControls env={env} />
      {install && <InstallProgress run={install} />}
      {!install && env.lastInstall && (
        <p className="muted small" data-testid="env-last-install">
          Last install {new Date(env.lastInstall.at).toLocaleString()}: {env.lastInstall.message}
        </p>
      )}
    </section>
  );
}

function PlatformLibraries({ libraries }: { libraries: PlatformLibraryState[] }) {
  const extras = useEnvironmentStore((s) => s.extras);
  const running = useEnvironmentStore((s) => s.install?.running ?? false);
  return (
    <fieldset className="env-libs" data-testid="env-platform-libs">
      <legend className="small">Platform libraries</legend>
      <p className="muted small env-libs-help">FortiSOAR pre-installs these for every connector; tick them to install them here too.</p>
      {libraries.map((l) => (
        <label key={l.requirement} className="tc-check small">
          <input type="checkbox" disabled={running} checked={extras.includes(l.requirement)}
            onChange={(e) => useEnvironmentStore.getState().toggleExtra(l.requirement, e.target.checked)} data-testid={`env-lib-${l.module}`} />
          <code>{l.module}</code>
          <span className="muted">{l.installedVersion !== undefined ? `available${l.installedVersion ? ` ${l.installedVersion}` : ''}` : 'not in this interpreter'}</span>
        </label>
      ))}
    </fieldset>
  );
}

function InstallControls({ env }: { env: RuntimeEnvironment }) {
  const running = useEnvironmentStore((s) => s.install?.running ?? false);
  const installing = useEnvironmentStore((s) => s.install?.running === true && s.install.target === 'dependencies');
  const extras = useEnvironmentStore((s) => s.extras);
  const count = env.requirements.length + extras.filter((x) => !env.requirements.includes(x)).length;
  return (
    <div className="tc-config-actions">
      <button className="button primary small" disabled={running} onClick={() => void useEnvironmentStore.getState().installDependencies()} data-testid="env-install">
        {installing ? 'Installing…' : 'Install Dependencies'}
      </button>
      <span className="muted small">
        {count ? `${plural(count, 'requirement')}` : 'Makes an empty virtualenv'} with {env.selected || env.settingsInterpreter}; pip uses no retries and a 5 s timeout.
      </span>
    </div>
  );
}

export function InstallProgress({ run }: { run: InstallRun }) {
  const logOpen = useEnvironmentStore((s) => s.logOpen);
  const o = run.outcome;
  const log = o ? o.log : run.lines.join('\n');
  return (
    <div className="env-install" data-testid="env-install-result" aria-live="polite" aria-busy={run.running}>
      {run.running && (
        <>
          <progress max={100} value={Math.round(run.fraction * 100)} aria-label="Install progress" data-testid="env-install-progress" />
          <p className="muted small env-current" data-testid="env-install-line">{run.lines.at(-1) ?? 'Starting…'}</p>
        </>
      )}
      {o && (
        <p className="tc-status-line">
          <span className={`tc-status ${o.status === 'Completed' ? 'ok' : 'bad'}`} data-testid="env-install-status">{o.status === 'Completed' ? 'Installed' : 'Failed'}</span>
          <span className={o.status === 'Completed' ? 'tc-message' : 'field-error'} role={o.status === 'Failed' ? 'alert' : undefined} data-testid="env-install-message">{o.message}</span>
        </p>
      )}
      {run.error && <p className="field-error" role="alert" data-testid="env-install-message">{run.error}</p>}
      <details className="env-log" open={logOpen} onToggle={(e) => useEnvironmentStore.getState().setLogOpen((e.target as HTMLDetailsElement).open)}>
        <summary data-testid="env-log-toggle">pip log ({plural(log ? log.split('\n').filter(Boolean).length : 0, 'line')})</summary>
        <pre className="tc-pre env-log-text" data-testid="env-log">{log}</pre>
      </details>
    </div>
  );
}
