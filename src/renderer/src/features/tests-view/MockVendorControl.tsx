import { useState } from 'react';
import type { ApiDescriptionSource, MockVendorInfo } from '../../../../shared/models/api-import';
import { call } from '../../api/client';
import { messageOf } from '../../api/api-error';
import { reportInBackground, toastSuccess } from '../../store/app/store';
import { useApiImportStore } from '../../store/api-import/store';
import { useTestingStore } from '../../store/testing/store';
import './mock-vendor.css';

/** Values a mock vendor accepts for any credential field: it checks none. */
const MOCK_CREDENTIALS = { api_key: 'mock-key', username: 'mock', password: 'mock', client_id: 'mock', client_secret: 'mock' };

/** "Start mock vendor": serves an API description (the one just imported, or a file) on 127.0.0.1 and saves a
 * "Mock vendor" test configuration pointing at it, so Check Health and every generated action run at once. */
export function MockVendorControl({ projectId }: { projectId: string }) {
  const lastSource = useApiImportStore((s) => s.lastSource);
  const [running, setRunning] = useState<MockVendorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async (source: ApiDescriptionSource) => {
    setBusy(true);
    setError(null);
    try {
      const mock = await call('mockVendor.start', { source });
      setRunning(mock);
      await call('testConfig.save', { projectId, config: { name: 'Mock vendor', active: true, values: { server_url: mock.url, verify_ssl: false, ...MOCK_CREDENTIALS } } });
      await useTestingStore.getState().loadConfigs().catch(reportInBackground('Reloading the test configurations after starting the mock vendor'));
      toastSuccess(`Mock vendor for ${mock.title} at ${mock.url}: the "Mock vendor" test configuration points at it.`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const stop = async () => {
    if (!running) return;
    setBusy(true);
    try {
      await call('mockVendor.stop', { port: running.port });
      setRunning(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const fromFile = async (file: File | undefined) => {
    if (file) await start({ text: await file.text(), fileName: file.name });
  };

  return (
    <div className="tv-mock" data-testid="mock-vendor">
      {running ? (
        <p className="small" role="status" data-testid="mock-vendor-running">
          Mock vendor ({running.operations} operations) at <span className="mono">{running.url}</span>{' '}
          <button type="button" className="button secondary small" disabled={busy} onClick={() => void stop()} data-testid="mock-vendor-stop">Stop</button>
        </p>
      ) : (
        <div className="tv-mock-row">
          {lastSource && (
            <button type="button" className="button secondary small" disabled={busy} onClick={() => void start(lastSource)} data-testid="mock-vendor-start">
              Start mock vendor{lastSource.fileName ? ` (${lastSource.fileName})` : ''}
            </button>
          )}
          <label className="button secondary small tv-mock-file">
            {lastSource ? 'Other description…' : 'Start mock vendor from a description…'}
            <input type="file" hidden accept=".json,.yaml,.yml,.txt,.sh" disabled={busy} onChange={(e) => void fromFile(e.target.files?.[0])} data-testid="mock-vendor-file" />
          </label>
        </div>
      )}
      {error && <p className="tv-error small" role="alert" data-testid="mock-vendor-error">{error}</p>}
    </div>
  );
}
