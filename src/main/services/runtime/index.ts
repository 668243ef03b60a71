/** The simulated FortiSOAR runtime: a Python worker per connector (resources/python/runner.py). */
export { createRuntimeService, defaultRunnerPath } from './runtime-service';
export { executeOnce } from './execute-once';
export { compareSchema, makeScrubber } from './result-checks';
export { readConnectorInfo, type ConnectorInfo } from './connector-info';
export type * from './types';
