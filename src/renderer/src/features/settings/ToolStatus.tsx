import type { ToolInfo } from '../../../../shared/models/settings';
import { Icon } from '../../components/Icon';

/** "Python 3.12.1 at /usr/bin/python3", or what is missing and how to install it. */
export function ToolStatus({ tool }: { tool: ToolInfo | undefined }) {
  if (!tool) return <span className="muted">Detecting…</span>;
  if (!tool.found)
    return (
      <span className="tool-missing" data-testid={`tool-${tool.id}`} data-found="false">
        <Icon name="warning" /> Not found ({tool.command}). {tool.hint}
      </span>
    );
  return (
    <span className="tool-found" data-testid={`tool-${tool.id}`} data-found="true">
      <Icon name="check" /> {tool.version ?? 'found'}{tool.path ? ` — ${tool.path}` : ''}
    </span>
  );
}
