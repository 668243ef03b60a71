import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder holding package.json and resources/: found upward from the running file, bundled or not. */
export function findAppRoot(startDir: string): string {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(path.join(dir, 'resources'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find Connector Studio's files above ${startDir}`);
  }
}

export function appVersion(appRoot: string): string {
  return (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
