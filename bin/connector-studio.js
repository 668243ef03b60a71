#!/usr/bin/env node
// The installed command: runs the bundled CLI that `npm install` builds (the prepare script).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'cli', 'index.js');
if (!existsSync(entry)) {
  process.stderr.write('Connector Studio is not built yet. Run `npm run build` in its folder, then try again.\n');
  process.exit(2);
}
await import(entry);
