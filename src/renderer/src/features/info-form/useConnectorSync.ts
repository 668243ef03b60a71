import { useEffect } from 'react';
import { startConnectorSync } from '../../store/connector/sync';

/** While a project is open: live diagnostics, the form's document, markers and the services' report. */
export function useConnectorSync(projectId: string) {
  useEffect(() => startConnectorSync(), [projectId]);
}
