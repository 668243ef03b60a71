export type { DebugService, DebugControl } from './types';
export { createDebugService, type DebugServiceDeps } from './debug-service';
