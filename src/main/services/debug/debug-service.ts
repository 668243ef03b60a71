import { ServiceError } from '../errors';
import type { EventBus } from '../events';
import { createBreakpointStore } from './breakpoint-store';
import type { DebugService } from './types';

export interface DebugServiceDeps {
  readonly userDataDir: string;
  readonly events: EventBus;
}

const notYet = () => Promise.reject(new ServiceError('UNAVAILABLE', 'Debug sessions are being built (issue 16).'));

export function createDebugService(deps: DebugServiceDeps): DebugService {
  const store = createBreakpointStore(deps.userDataDir);
  return {
    start: notYet,
    restart: notYet,
    stop: notYet,
    sessions: async () => [],
    control: notYet,
    stackTrace: notYet,
    scopes: notYet,
    variables: notYet,
    evaluate: notYet,
    breakpoints: (projectId) => store.get(projectId),
    setBreakpoints: async (projectId, relPath, breakpoints) => {
      const stored = await store.setFile(projectId, relPath, breakpoints);
      deps.events.emit('debug.breakpointsChanged', { projectId, path: relPath, breakpoints: stored });
      return stored;
    },
    setExceptionFilters: (projectId, filters) => store.setExceptionFilters(projectId, filters),
    dispose: async () => undefined,
  };
}
