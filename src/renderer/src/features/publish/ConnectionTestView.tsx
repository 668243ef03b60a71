import { Icon, type IconName } from '../../components/Icon';
import type { ConnectionStep } from '../../../../shared/models/publish';
import { toastError } from '../../store/app/store';
import { useProfilesStore, type TestState } from '../../store/publish/profiles-store';

const STEP_NAMES: Record<ConnectionStep, string> = { dns: 'DNS', tcp: 'TCP', tls: 'TLS', auth: 'Authentication', permission: 'Permission' };
const STATUS_ICON: Record<string, IconName> = { ok: 'check', failed: 'error', skipped: 'minus' };

/** Each step of "Test connection" with its outcome (folded away when all passed); a certificate nobody vouches for shows its fingerprint and
 * an explicit "Trust this certificate". */
export function ConnectionTestView({ profileId, test }: { profileId: string; test: TestState }) {
  if (test.running) return <p className="muted small conn-test" role="status" data-testid="connection-test" data-state="running">Testing the connection…</p>;
  if (test.error) return <p className="inline-error conn-test" role="alert" data-testid="connection-test" data-state="error">{test.error.message} {test.error.hint}</p>;
  const r = test.result;
  if (!r) return null;
  const cert = r.certificate;
  const offerTrust = r.failedStep === 'tls' && cert;
  const steps = (
    <ol className="conn-steps">
      {r.steps.map((s) => (
        <li key={s.step} className={`conn-step step-${s.status}`} data-testid="connection-step" data-step={s.step} data-status={s.status}>
          <Icon name={STATUS_ICON[s.status]} size={12} />
          <span className="conn-step-name">{STEP_NAMES[s.step]}</span>
          <span className="conn-step-message">{s.message}{s.hint && <span className="conn-hint"> {s.hint}</span>}</span>
        </li>
      ))}
    </ol>
  );
  return (
    <div className={`conn-test ${r.ok ? 'ok' : 'failed'}`} data-testid="connection-test" data-state={r.ok ? 'ok' : 'failed'} data-failed-step={r.failedStep}>
      <p className="conn-summary small" role={r.ok ? 'status' : 'alert'}>
        {r.ok ? 'Connection OK.' : `Failed at ${STEP_NAMES[r.failedStep ?? 'tcp']}.`}
        {r.proxy ? ` Through the proxy ${r.proxy}.` : ''}
      </p>
      {r.ok ? (
        <details className="conn-details">
          <summary className="small muted">Each step</summary>
          {steps}
        </details>
      ) : (
        steps
      )}
      {cert && (
        <div className="cert-info small" data-testid="certificate">
          <div>Certificate: {cert.subject}{cert.selfSigned ? ' (self-signed)' : ''}, issued by {cert.issuer}, valid {cert.validFrom} to {cert.validTo}</div>
          <div>SHA-256 <span className="mono fingerprint" data-testid="certificate-fingerprint">{cert.sha256}</span></div>
          {offerTrust && (
            <>
              <p className="muted">Compare this fingerprint with the one your server administrator gives you before trusting it.</p>
              <button className="button secondary small" data-testid="certificate-trust"
                onClick={() => void useProfilesStore.getState().trust(profileId, cert.sha256).catch(toastError)}>
                Trust This Certificate
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
