// package.vs_tar: packaging the largest corpus connector next to `tar czf` of the same folder; and
// package.byte_identical (1/0): every package of that folder has the same bytes. The packager is bundled from
// source with esbuild so this runs without a separate build step; validation is skipped (force) because tar does
// not validate either.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { CORPUS, ROOT, emit, median, tmp } from './lib.mjs';

const RUNS = 15;

function largestCorpusConnector() {
  const sizeOf = (p) => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, c) => n + sizeOf(path.join(p, c)), 0) : statSync(p).size);
  return readdirSync(CORPUS)
    .map((name) => ({ name, bytes: sizeOf(path.join(CORPUS, name)) }))
    .sort((a, b) => b.bytes - a.bytes)[0];
}

async function loadPackager(work) {
  const outfile = path.join(work, 'packager.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'src/main/services/packaging/package.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href);
}

function time(fn) {
  const t = process.hrtime.bigint();
  const r = fn();
  return r instanceof Promise ? r.then(() => Number(process.hrtime.bigint() - t) / 1e6) : Number(process.hrtime.bigint() - t) / 1e6;
}

export async function benchPackage() {
  const work = tmp('cs-bench-package-');
  try {
    const { packageConnector } = await loadPackager(work);
    const corpus = largestCorpusConnector();
    const parent = path.join(work, 'src');
    const folder = path.join(parent, corpus.name);
    cpSync(path.join(CORPUS, corpus.name), folder, { recursive: true });
    const ours = [];
    const tars = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate the two so neither benefits from a warmer page cache.
      ours.push(await time(() => packageConnector(folder, { force: true, out: path.join(work, `ours-${i}.tgz`) })));
      tars.push(time(() => {
        const r = spawnSync('tar', ['czf', path.join(work, `tar-${i}.tgz`), '-C', parent, corpus.name]);
        if (r.status !== 0) throw new Error(`tar czf failed: ${r.stderr}`);
      }));
    }
    const first = readFileSync(path.join(work, 'ours-0.tgz'));
    const identical = Array.from({ length: RUNS - 1 }, (_, i) => readFileSync(path.join(work, `ours-${i + 1}.tgz`))).every((b) => b.equals(first));
    const a = median(ours);
    const b = median(tars);
    emit('package.vs_tar', a / b, 'x', {
      baseline: b,
      note: `package ${a.toFixed(1)} ms vs tar czf ${b.toFixed(1)} ms (median of ${RUNS}) on ${corpus.name} (${Math.round(corpus.bytes / 1024)} KB); ` +
        `all ${RUNS} packages byte-identical: ${identical ? 'yes' : 'NO'}; target: within 1.5x`,
    });
    // Its own metric, so a dashboard can alarm on it: 1 when every package of the same folder had the same bytes.
    emit('package.byte_identical', identical ? 1 : 0, 'bool', {
      note: `${RUNS} packages of ${corpus.name}, sha256 ${createHash('sha256').update(first).digest('hex').slice(0, 16)}: ${identical ? 'all byte-identical' : 'NOT byte-identical'}; target: 1`,
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchPackage();
