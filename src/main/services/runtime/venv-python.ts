/** The interpreter inside a virtualenv, for every place that runs or points at one (the runtime's venv, pip's
 * --python, pyright's import resolution, the sandbox's requirements install). */
import path from 'node:path';

export function venvPython(venvDir: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? path.win32.join(venvDir, 'Scripts', 'python.exe') : path.posix.join(venvDir, 'bin', 'python');
}
