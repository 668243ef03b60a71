import { createRuntimeService } from './runtime-service';
import type { RunResult, RuntimeServiceOptions } from './types';

/** Starts Python, imports the connector, runs one operation and stops: what FortiSOAR's Engine does per
 * call. The benchmark's "fresh process" baseline, and a one-shot run without a long-lived worker. */
export async function executeOnce(
  options: RuntimeServiceOptions,
  folder: string,
  operation: string,
  params: Record<string, unknown>,
  config: Record<string, unknown>,
): Promise<RunResult> {
  const runtime = createRuntimeService(options);
  try {
    return await runtime.execute(folder, operation, params, config);
  } finally {
    await runtime.stopAll();
  }
}
