/** `run ... --debug <port>` and `health ... --debug <port>`: the worker runs with debugpy listening on
 * 127.0.0.1:<port> and waits, until Ctrl+C, for a Debug Adapter Protocol client (VS Code's "attach", the README's
 * launch.json) to attach before the call runs. debugpy comes from the tools environment, installed on first use
 * with its progress on stderr. */
import type { Events } from '../../shared/ipc/contract';
import { ServiceError } from '../services/errors';
import type { HeadlessServices } from '../services/headless';
import type { CliIO } from './command';
import { InputError } from './errors';

/** The port of `--debug`, or undefined without the flag. */
export function debugPortFlag(flags: Record<string, string | boolean>): number | undefined {
  const value = flags.debug;
  if (value === undefined) return undefined;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port < 1 || port > 65535) throw new InputError(`--debug takes a TCP port from 1 to 65535, not "${String(value)}"`);
  return port;
}

/** Installs debugpy if need be, makes the folder's worker listen on 127.0.0.1:`port`, says so on stderr, and returns
 * once a debugger has attached (and sent its breakpoints). A failure is a ServiceError naming the failed step. */
export async function waitForDebugger(s: HeadlessServices, folder: string, port: number, io: Pick<CliIO, 'err'>): Promise<void> {
  const runId = `cli-debug-${process.pid}`;
  const off = s.events.subscribe((name, payload) => {
    if (name !== 'runtime.installProgress') return;
    const e = payload as Events['runtime.installProgress'];
    if (e.runId === runId) io.err(`  ${e.line}`);
  });
  try {
    await (await s.debugpy()).ensure(folder, runId, (line) => io.err(line));
  } finally {
    off();
  }
  const runtime = (await s.runtime()).current();
  const listening = await runtime.listenForDebugger(folder, { port });
  if (!listening.ok) throw new ServiceError('UNAVAILABLE', `Could not start debugpy in the connector's worker: ${listening.message}`);
  io.err(`Waiting for a debugger on 127.0.0.1:${listening.port}`);
  const attached = await runtime.listenForDebugger(folder, { port: listening.port, wait: true });
  if (!attached.ok) throw new ServiceError('UNAVAILABLE', `Waiting for a debugger failed: ${attached.message}`);
  io.err('A debugger attached: running.');
}
