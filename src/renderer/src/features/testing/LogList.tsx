import type { LogEntry } from '../../../../shared/models/runtime';

/** A call's log records, as the connector's get_logger wrote them. */
export function LogList({ logs, label = 'Logs' }: { logs: readonly LogEntry[]; label?: string }) {
  if (!logs.length) return null;
  return (
    <details className="tc-logs" open={logs.length <= 12}>
      <summary>{label} <span className="count-badge">{logs.length}</span></summary>
      <ol className="tc-log-lines" data-testid="log-lines">
        {logs.map((l, i) => (
          <li key={i} className={`tc-log tc-${l.level.toLowerCase()}`}>
            <span className="tc-log-level">{l.level}</span> <span className="tc-log-logger">{l.logger}</span> {l.message}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** stdout and stderr text of a call, when there was any. */
export function StreamText({ stdout, stderr }: { stdout?: string; stderr?: string }) {
  return (
    <>
      {stdout ? <details className="tc-logs"><summary>stdout</summary><pre className="tc-pre">{stdout}</pre></details> : null}
      {stderr ? <details className="tc-logs" open><summary>stderr</summary><pre className="tc-pre tc-stderr">{stderr}</pre></details> : null}
    </>
  );
}
