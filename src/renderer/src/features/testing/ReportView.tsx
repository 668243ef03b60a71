import type { HookReport } from '../../store/testing/types';
import { LogList } from './LogList';

/** What the connector's hook said about the last add, update, delete or toggle. */
export function ReportView({ report }: { report: HookReport }) {
  return (
    <div className={`tc-report ${report.ok ? 'ok' : 'bad'}`} role={report.ok ? 'status' : 'alert'} data-testid="hook-report">
      <p>
        <strong>{report.action}</strong>{report.hook ? <span className="muted mono small"> {report.hook.hook}</span> : null}: {report.message}
      </p>
      {report.hook && <LogList logs={report.hook.logs} label="Hook logs" />}
    </div>
  );
}
