// validate.vs_json_parse: rules + JSON Schema over the largest corpus info.json, next to JSON.parse of it
// (batches interleaved, the best batch of each compared, nothing cached between repetitions).
// validate.cli_vs_node: the validate CLI process next to `node -e 0`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CORPUS, ROOT, emit, loadTs, median } from './lib.mjs';

const DIR = path.join(CORPUS, 'paloalto-cortex-xdr');

function batchMs(fn, n) {
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t) / n;
}

function bestRatio(fn, base, rounds = 25, n = 20) {
  for (let i = 0; i < 30; i++) {
    fn();
    base();
  }
  let bestFn = Infinity;
  let bestBase = Infinity;
  for (let r = 0; r < rounds; r++) {
    bestBase = Math.min(bestBase, batchMs(base, n));
    bestFn = Math.min(bestFn, batchMs(fn, n));
  }
  return { ratio: bestFn / bestBase, fn: bestFn, base: bestBase };
}

export async function benchValidate() {
  const { createValidateService } = await loadTs('src/main/services/validate/index.ts');
  const info = readFileSync(path.join(DIR, 'info.json'), 'utf8');
  const playbooks = readFileSync(path.join(DIR, 'playbooks/playbooks.json'), 'utf8');
  const images = {
    'images/PaloAlto_Cortex_XDR_small.png': { format: 'png', width: 32, height: 32 },
    'images/PaloAlto_Cortex_XDR_large.png': { format: 'png', width: 80, height: 80 },
  };
  const service = createValidateService();
  const snapshot = { folderName: 'paloalto-cortex-xdr', files: { 'info.json': info }, images, metadataOnly: true };
  const full = { ...snapshot, files: { ...snapshot.files, 'playbooks/playbooks.json': playbooks } };
  const r = bestRatio(() => service.validateSnapshot(snapshot), () => JSON.parse(info));
  const whole = bestRatio(() => service.validateSnapshot(full), () => JSON.parse(info));
  emit('validate.vs_json_parse', r.ratio, 'x', { baseline: r.base, note: `info.json (130 KB) rules + schema ${r.fn.toFixed(2)} ms vs JSON.parse ${r.base.toFixed(2)} ms; with its 120 KB playbooks.json ${whole.ratio.toFixed(2)}x; target within 3x` });

  const cli = path.join(ROOT, 'out/cli/index.js');
  const time = (args) => {
    const t = performance.now();
    try { execFileSync(process.execPath, args, { stdio: 'ignore' }); } catch { /* exit 1 = findings: still a full run */ }
    return performance.now() - t;
  };
  const runs = 9;
  const node = [], validate = [];
  for (let i = 0; i < runs; i++) {
    node.push(time(['-e', '0']));
    validate.push(time([cli, 'validate', DIR, '--metadata-only', '--json']));
  }
  const n = median(node), v = median(validate);
  emit('validate.cli_vs_node', v / n, 'x', { baseline: n, note: `validate CLI on paloalto-cortex-xdr ${v.toFixed(0)} ms vs node -e 0 ${n.toFixed(0)} ms (medians of ${runs}); target under 2x` });
}

const RUNNABLE = path.join(ROOT, 'tests', 'fixtures', 'runnable');
/** Node's own start: an empty ES module (the CLI is one too). */
const EMPTY_MODULE = path.join(ROOT, 'bench', 'empty.mjs');

/** Wall time of one process, in ms; a non-zero exit (findings) is still a full run. */
function processMs(cmd, args) {
  const t = performance.now();
  try { execFileSync(cmd, args, { stdio: 'ignore' }); } catch (e) { if (e.status === null || e.status > 1) throw e; }
  return performance.now() - t;
}

// validate.cli_full_vs_python_ast: the whole validation (every rule, code included) of paloalto-cortex-xdr (130 KB
// info.json, 38 KB of Python) in a fresh CLI process, next to a fresh Python parsing the same .py files into ASTs
// and loading info.json. validate.batch_vs_per_process: one `validate` over the 22 runnable corpus connectors
// next to 22 processes validating one each. Runs interleaved, medians; the ratios compare runs of the same moment.
export async function benchValidateCli() {
  const cli = path.join(ROOT, 'out/cli/index.js');
  const dir = path.join(RUNNABLE, 'paloalto-cortex-xdr');
  const py = "import ast, glob, json, sys; d = sys.argv[1]; [ast.parse(open(f, encoding='utf-8').read(), f) for f in glob.glob(d + '/**/*.py', recursive=True)]; json.load(open(d + '/info.json', encoding='utf-8'))";
  const python = process.env.CONNECTOR_STUDIO_PYTHON ?? 'python3';
  // `python3` on PATH may be a launcher (pyenv's shim runs bash scripts first): the interpreter it starts is
  // measured too, so the note says how much of the baseline is the launcher.
  const interpreter = execFileSync(python, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  const runs = 9;
  const full = [], ast = [], direct = [], bare = [];
  for (let i = 0; i < runs; i++) {
    ast.push(processMs(python, ['-c', py, dir]));
    direct.push(processMs(interpreter, ['-c', py, dir]));
    bare.push(processMs(process.execPath, [EMPTY_MODULE]));
    full.push(processMs(process.execPath, [cli, 'validate', dir, '--json']));
  }
  const f = median(full), a = median(ast), d = median(direct), nodeStart = median(bare);
  emit('validate.cli_full_vs_python_ast', f / a, 'x', {
    baseline: a,
    interpreterMs: d,
    nodeStartMs: nodeStart,
    note: `validate CLI (all rules) on paloalto-cortex-xdr ${f.toFixed(0)} ms vs ${python} ast.parse of its .py files + json.load ${a.toFixed(0)} ms (medians of ${runs}); target at most 1x. The interpreter itself (${interpreter}) does it in ${d.toFixed(0)} ms (${(f / d).toFixed(2)}x); Node starting an empty module takes ${nodeStart.toFixed(0)} ms, so the CLI's own work is ${(f - nodeStart).toFixed(0)} ms`,
  });

  const connectors = readdirSync(RUNNABLE, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(RUNNABLE, e.name));
  const rounds = 3;
  const batch = [], each = [];
  for (let r = 0; r < rounds; r++) {
    batch.push(processMs(process.execPath, [cli, 'validate', ...connectors, '--json']));
    each.push(connectors.reduce((sum, c) => sum + processMs(process.execPath, [cli, 'validate', c, '--json']), 0));
  }
  const b = median(batch), e = median(each);
  emit('validate.batch_vs_per_process', b / e, 'x', { baseline: e, note: `one validate over the ${connectors.length} runnable corpus connectors ${b.toFixed(0)} ms vs ${connectors.length} processes ${e.toFixed(0)} ms (medians of ${rounds}); target under 0.3` });
}
