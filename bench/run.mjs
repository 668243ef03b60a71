// `npm run bench`: runs each benchmark that exists and prints one JSON line per metric (DESIGN.md ids).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

if (!existsSync(path.join(ROOT, 'out/cli/index.js'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}
const suites = ['startup.mjs', 'validate.mjs', 'review.mjs', 'runtime.mjs', 'debug.mjs', 'package.mjs', 'form.mjs', 'lsp.mjs', 'apiimport.mjs'];
for (const file of suites) {
  if (!existsSync(path.join(ROOT, 'bench', file))) continue;
  const mod = await import(`./${file}`);
  for (const [name, fn] of Object.entries(mod)) if (name.startsWith('bench')) await fn();
}
