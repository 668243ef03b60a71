// Shared helpers for `npm run bench`: every metric prints one JSON line.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The 22 published connectors the tests use too (tests/fixtures/corpus/SOURCES.md). */
export const CORPUS = path.join(ROOT, 'tests', 'fixtures', 'corpus', 'connectors');

export function emit(metric, value, unit, extra = {}) {
  const round = (n) => Math.round(n * 100) / 100;
  const line = { metric, value: round(value), unit, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) };
  process.stdout.write(JSON.stringify(line) + '\n');
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const tmp = (prefix) => mkdtempSync(path.join(os.tmpdir(), prefix));

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts `connector-studio web` from the build with a fresh HOME, user data and workspace. `url` is single-use;
 * `newUrl()` gets another for each new browser context, as a user would: a second `connector-studio web`.
 */
export async function startHost(prepare = async (_workspace) => {}) {
  const home = tmp('cs-bench-home-');
  await prepare(path.join(home, 'ConnectorStudio'));
  const cli = path.join(ROOT, 'out/cli/index.js');
  const env = { ...process.env, HOME: home, FSOAR_USER_DATA_DIR: path.join(home, 'data') };
  const child = spawn(process.execPath, [cli, 'web', '--port', '0', '--no-open', '--json', '--workspace', path.join(home, 'ConnectorStudio')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  const newUrl = () =>
    new Promise((resolve, reject) =>
      execFile(process.execPath, [cli, 'web', '--no-open', '--json'], { env }, (error, stdout, stderr) => {
        const reused = error ? null : JSON.parse(stdout.trim().split('\n').pop());
        if (reused?.reused) resolve(reused.url);
        else reject(new Error(`A second \`connector-studio web\` did not reuse the bench host: ${error?.message ?? stdout} ${stderr}`));
      }),
    );
  return { url, home, newUrl, stop: () => child.kill('SIGTERM') };
}

/** Bundles a TypeScript entry with esbuild so a benchmark measures the same code the app runs. */
/** A new browser context with its own launch link (a second `connector-studio web`, as a user would), the app
 * loaded in a new tab. */
export async function openFreshApp(browser, host) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(await host.newUrl());
  await page.waitForSelector('html[data-app-state="loaded"]', { timeout: 60_000 });
  return { context, page };
}

export async function loadTs(relEntry) {
  const { build } = await import('esbuild');
  const outfile = path.join(ROOT, '.bench-tmp', relEntry.replace(/[\\/]/g, '_').replace(/\.ts$/, '.mjs'));
  // mainFields and externals as scripts/build.mjs: jsonc-parser's UMD "main" cannot be bundled, and trash and
  // curlconverter load files by computed paths, so they stay in node_modules.
  await build({ entryPoints: [path.join(ROOT, relEntry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error', mainFields: ['module', 'main'],
    external: ['trash', 'curlconverter'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
  return import(outfile);
}
