// `npm run corpus`: runs every connector of tests/fixtures/runnable in the simulated runtime against its fake
// vendor and writes docs/runnable-corpus.md (tests/corpus-runtime/main.ts, bundled here with esbuild so the
// TypeScript runs on plain Node). Not part of `npm test`: the first run installs each connector's requirements
// (cached under node_modules/.cache/connector-studio/corpus-venvs). `npm run corpus -- qradar kafka` runs only those.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'node_modules', '.cache', 'connector-studio', 'corpus', 'main.mjs');
await build({
  entryPoints: [path.join(root, 'tests', 'corpus-runtime', 'main.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(out).href);
