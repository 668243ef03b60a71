// Lints the app's own Python (resources/python: the runtime, the shims and their tests) with ruff, using the
// @astral-sh/ruff-wasm-web package the app already ships, so `npm install` is all it needs: no pip, no network.
// Usage: node scripts/ruff-python.mjs [folder...]   (default: resources/python). Exit 1 on any finding.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-web';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The wasm build reads no ruff.toml, so the settings live here. Connectors' settings (src/shared/connector/
// security/ruff.ts) are for vendor code; these are for ours.
const SETTINGS = {
  'line-length': 120,
  'target-version': 'py39',
  lint: {
    select: ['E', 'F', 'W', 'B'],
    // B027: the Connector base class's hooks are empty on purpose (a connector overrides the ones it needs).
    // B904: the shims re-raise as ConnectorError inside except blocks as the server's modules do; only the
    // message reaches the user.
    ignore: ['B027', 'B904'],
  },
};

/** Every .py under `folder`; .pyi stubs are left to pyright, since the wasm build cannot tell them from .py. */
function pythonFiles(folder) {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return entry.name === '__pycache__' || entry.name.startsWith('.') ? [] : pythonFiles(full);
      return entry.name.endsWith('.py') ? [full] : [];
    });
}

const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['resources/python'];
initSync({ module: readFileSync(createRequire(import.meta.url).resolve('@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm')) });
const ruff = new Workspace(SETTINGS, PositionEncoding.Utf16);

let files = 0;
let findings = 0;
for (const folder of folders) {
  for (const file of pythonFiles(path.resolve(ROOT, folder))) {
    files += 1;
    for (const d of ruff.check(readFileSync(file, 'utf8'))) {
      findings += 1;
      const where = `${path.relative(ROOT, file)}:${d.start_location.row}:${d.start_location.column}`;
      console.log(`${where}: ${d.code ?? 'syntax'} ${d.message}`);
    }
  }
}
if (files === 0) {
  console.error(`ruff-python: no .py files under ${folders.join(', ')}; check the folder names.`);
  process.exit(1);
}
console.log(`ruff ${Workspace.version()}: ${files} files, ${findings} finding(s).`);
process.exit(findings > 0 ? 1 : 0);
