// pyright in the services: time from opening a project to its first diagnostics, and completion latency.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, emit, loadTs, median, tmp } from './lib.mjs';

const SAMPLE = path.join(ROOT, 'resources', 'samples', 'connector-sample-threat-intel');
const CONNECTOR = 'sample-threat-intel';
const ROUNDS = 20;

export async function benchLsp() {
  const { createLspService } = await loadTs('src/main/services/lsp/index.ts');
  const work = tmp('cs-bench-lsp-');
  const root = path.join(work, 'connector-sample-threat-intel');
  cpSync(SAMPLE, root, { recursive: true });
  let firstDiagnostics;
  const diagnostics = new Promise((resolve) => (firstDiagnostics = resolve));
  const lsp = createLspService({
    rootOf: async () => root,
    connectorDirOf: async () => path.join(root, CONNECTOR),
    pythonPath: async () => '',
    emit: () => firstDiagnostics(performance.now()),
  });
  try {
    // "Opening a project": the server starts and checks every file of the connector (diagnosticMode workspace).
    const opened = performance.now();
    await lsp.start('bench');
    const firstMs = (await diagnostics) - opened;
    emit('pyright.first_diagnostics_ms', firstMs, 'ms', { note: 'language server start to the first published diagnostics, bundled sample connector' });

    // Each round is a keystroke then a completion, as in the editor: the new text has to be analysed again.
    const rel = `${CONNECTOR}/connector.py`;
    const base = readFileSync(path.join(root, rel), 'utf8');
    const times = [];
    for (let i = 0; i <= ROUNDS; i++) {
      const text = `${base}\nvalue_${i} = ${i}\nfrom connectors.core.connector import `;
      const lines = text.split('\n');
      const started = performance.now();
      await lsp.change('bench', rel, text, i + 1);
      const { items } = await lsp.completion({ projectId: 'bench', relPath: rel, line: lines.length, character: lines.at(-1).length + 1 });
      if (!items.some((x) => x.label === 'get_logger')) throw new Error('completion did not offer get_logger');
      if (i > 0) times.push(performance.now() - started);
    }
    emit('pyright.completion_ms', median(times), 'ms', { note: `median of ${ROUNDS} edits each followed by completion after "from connectors.core.connector import "` });
  } finally {
    await lsp.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLsp();
