// npm run dist: builds everything, then packages the desktop app for the current platform with electron-builder
// (configuration in electron-builder.yml). Extra arguments go to electron-builder, e.g. `npm run dist -- --dir`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = { linux: '--linux', darwin: '--mac', win32: '--win' }[process.platform];

function run(what, args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${what} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

if (!TARGET) {
  console.error(`Packaging is set up for Linux, macOS and Windows, not ${process.platform}.`);
  process.exit(2);
}
console.log(
  [
    'Packaging Connector Studio for this platform.',
    'This step NEEDS NETWORK ACCESS: electron-builder downloads the Electron 45.4.1 binary and packaging tools',
    '(AppImage, NSIS, ...) from GitHub. Where that is blocked it fails; `npm start` then runs browser mode instead.',
    '',
  ].join('\n'),
);
run('The build', [join(root, 'scripts', 'build.mjs')]);
const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
run('electron-builder', [cli, TARGET, '--publish', 'never', ...process.argv.slice(2)]);
console.log(`\nPackages are in ${join(root, 'dist')}.`);
