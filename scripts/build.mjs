// Builds everything `npm start` and the tests run: the CLI/browser host (ESM, code-split so each command
// loads only what it needs), the Electron main and preload (CommonJS, electron external) and the renderer (Vite).
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `npm install` builds through the prepare script, so `npm start` works on a fresh machine. CI sets
// CONNECTOR_STUDIO_SKIP_PREPARE_BUILD because its `npm test` builds anyway: building twice costs minutes there.
if (process.argv[2] === 'prepare' && process.env.CONNECTOR_STUDIO_SKIP_PREPARE_BUILD) {
  console.log('Connector Studio: build skipped on install (CONNECTOR_STUDIO_SKIP_PREPARE_BUILD is set); `npm run build` builds.');
  process.exit(0);
}
const only = process.argv[2] === 'prepare' ? undefined : process.argv[2];
// jsonc-parser's "main" is a UMD build whose internal require('./impl/...') calls esbuild cannot follow: prefer "module".
// `trash` loads parser modules by computed path (its procfs dependency), which a bundle cannot follow: it
// stays in node_modules and loads from there at run time.
// `curlconverter` loads tree-sitter-bash's native binding by computed path (prebuilds/<platform>-<arch>): the same.
const runtimeExternals = ['trash', 'curlconverter'];
const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root, mainFields: ['module', 'main'] };
// CommonJS libraries inside an ESM bundle still call require() for Node built-ins.
const esmRequire = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";
// Shared service code uses import.meta.url to find its files; give the CommonJS bundles the same value.
const cjsMeta = { banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" }, define: { 'import.meta.url': '__importMetaUrl' } };

async function buildNode() {
  rmSync(join(root, 'out', 'cli'), { recursive: true, force: true });
  await build({ ...node, entryPoints: ['src/main/cli/index.ts'], outdir: 'out/cli', format: 'esm', splitting: true,
    chunkNames: 'chunks/[name]-[hash]', banner: { js: esmRequire }, external: ['electron', ...runtimeExternals] });
  if (existsSync(join(root, 'src/main/electron/index.ts')))
    await build({ ...node, entryPoints: ['src/main/electron/index.ts'], outfile: 'out/main/electron/index.cjs', format: 'cjs', external: ['electron', ...runtimeExternals], ...cjsMeta });
  if (existsSync(join(root, 'src/preload/index.ts')))
    await build({ ...node, entryPoints: ['src/preload/index.ts'], outfile: 'out/preload/index.cjs', format: 'cjs', external: ['electron'], sourcemap: false });
}

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

const started = Date.now();
if (only !== 'renderer') await buildNode();
if (only !== 'node') await buildRenderer();
console.log(`Connector Studio built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
