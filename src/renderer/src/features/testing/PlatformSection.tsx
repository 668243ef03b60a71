import type { RuntimeEnvironment } from '../../../../shared/models/environment';
import { useEnvironmentStore } from '../../store/testing/environment';
import { InstallProgress } from './DependenciesSection';

/** The platform default: the shared virtualenv of FortiSOAR's pre-installed libraries that a connector without a
 * virtualenv of its own runs on (services/runtime/python-environments.ts). Offered when a library is missing. */
export function PlatformSection({ env }: { env: RuntimeEnvironment }) {
  const run = useEnvironmentStore((s) => s.install);
  const mine = run?.target === 'platform' ? run : null;
  const busy = run?.running ?? false;
  const p = env.platform;
  const missing = env.platformLibraries.filter((l) => l.installedVersion === undefined).map((l) => l.module);
  const version = p.pythonVersion ? ` for Python ${p.pythonVersion}` : '';
  return (
    <section className="env-section" aria-labelledby="env-platform-title" data-testid="env-platform">
      <h3 className="tc-title" id="env-platform-title">Platform default</h3>
      {p.exists ? (
        <p className="small" data-testid="env-platform-state">
          Made{version}{p.createdAt ? ` on ${new Date(p.createdAt).toLocaleString()}` : ''}:{' '}
          {env.kind === 'platform' ? 'this connector runs on it.' : env.kind === 'connector' ? 'the connector’s virtualenv sees its libraries behind its own.' : 'not used by this connector.'}{' '}
          <code className="env-path">{p.path}</code>
        </p>
      ) : (
        <p className="small" data-testid="env-platform-state">
          Not made{version}. Connectors without a virtualenv of their own run on it, with the libraries FortiSOAR pre-installs.
        </p>
      )}
      {p.failed.length > 0 && (
        <p className="field-error small" data-testid="env-platform-failed">pip could not install {p.failed.join(', ')} into it.</p>
      )}
      {missing.length > 0 && (
        <p className="small" data-testid="env-platform-missing">
          FortiSOAR has <code>{missing.join(', ')}</code>; the interpreter this connector runs on does not.
        </p>
      )}
      {(missing.length > 0 || !p.exists) && p.pythonVersion && (
        <div>
          <button className="button secondary small" disabled={busy} onClick={() => void useEnvironmentStore.getState().createPlatform()} data-testid="env-create-platform">
            {mine?.running ? 'Creating…' : p.exists ? 'Recreate Platform Default Environment' : 'Create Platform Default Environment'}
          </button>
        </div>
      )}
      {mine && <InstallProgress run={mine} />}
    </section>
  );
}
