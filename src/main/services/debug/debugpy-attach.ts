/** How a session attaches to debugpy listening in the connector's worker, and detaches leaving it listening. */
import { ServiceError } from '../errors';
import { DapClient } from './dap-client';

const CONNECT_TIMEOUT_MS = 10_000;

/** Connects to debugpy on `port`; a failure is the UI's UNAVAILABLE. */
export function connectToDebugpy(port: number): Promise<DapClient> {
  return DapClient.connect(port, CONNECT_TIMEOUT_MS).catch((e: Error) => {
    throw new ServiceError('UNAVAILABLE', `Could not attach to debugpy in the connector's worker: ${e.message}`);
  });
}

/** Initializes and attaches, stepping only into connector code (never into resources/python, `pythonDir`);
 * `configure` places the breakpoints and exception filters. */
export async function attachToDebugpy(client: DapClient, pythonDir: string, configure: () => Promise<void>): Promise<void> {
  await client.request('initialize', { clientID: 'connector-studio', clientName: 'Connector Studio', adapterID: 'debugpy', pathFormat: 'path', linesStartAt1: true, columnsStartAt1: true, supportsVariableType: true });
  // attach answers after configurationDone; breakpoints and filters go in between.
  const attached = client.request('attach', {
    justMyCode: true,
    rules: [{ path: pythonDir, include: false }],
    redirectOutput: false,
    subProcess: false,
    showReturnValue: false,
  });
  await configure();
  await client.request('configurationDone');
  await attached;
}

/** Leaves debugpy listening for the next session, with no breakpoint of this one. */
export async function detachFromDebugpy(client: DapClient | undefined, log: (why: string) => void): Promise<void> {
  if (!client || client.isClosed) return;
  await client.request('disconnect', { terminateDebuggee: false }).catch((e: Error) => {
    // A worker that was stopped or crashed took the connection with it; anything else is worth a line.
    if (!client.isClosed) log(e.message);
  });
  client.close();
}
