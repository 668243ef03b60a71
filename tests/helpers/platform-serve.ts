/** The simulated platform for resources/python/tests: conftest.py bundles this file with esbuild and runs it with
 * node, so the shims are tested against the real endpoint and store (src/main/services/platform). Each line read on
 * stdin connects a new in-memory store and prints its {"url", "token"}; the end of stdin stops the endpoint. */
import readline from 'node:readline';
import { startPlatformEndpoint } from '../../src/main/services/platform/endpoint';
import { createMemoryStore } from '../../src/main/services/platform/store';

const endpoint = await startPlatformEndpoint({ warn: (m) => process.stderr.write(`${m}\n`) });
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', () => {
  const c = endpoint.connect(createMemoryStore());
  process.stdout.write(`${JSON.stringify({ url: c.url, token: c.token })}\n`);
});
lines.on('close', () => {
  endpoint.close().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`The platform endpoint did not close: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
});
