import type { HookReport } from '../../store/testing/types';
import { LogList } from './LogList';

/** What the connector's hook said about the last add, update, delete or toggle: "Added 'local'. The connector's
 * on_add_config hook ran and said nothing.", or "Add failed in on_add_config: <why>". */
export function ReportView({ report }: { report: HookReport }) {
  return (
    <div className={`tc-report ${report.ok ? 'ok' : 'bad'}`} role={report.ok ? 'status' : 'alert'} data-testid="hook-report">
      {report.ok ? (
        <p><strong>{report.action}</strong> <span data-testid="hook-report-message">{report.message}</span></p>
      ) : (
        <p>
          <strong>{report.action} failed</strong>{report.hook ? <span className="muted mono small"> in {report.hook.hook}</span> : null}:{' '}
          <span data-testid="hook-report-message">{report.message}</span>
        </p>
      )}
      {report.hook && <LogList logs={report.hook.logs} label="Hook logs" />}
    </div>
  );
}
