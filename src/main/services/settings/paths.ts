import os from 'node:os';
import path from 'node:path';

/** Where settings, logs, backups and secrets live. FSOAR_USER_DATA_DIR wins so tests and e2e get a fresh one. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.FSOAR_USER_DATA_DIR) return path.resolve(env.FSOAR_USER_DATA_DIR);
  const home = env.HOME || env.USERPROFILE || os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Connector Studio');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Connector Studio');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'connector-studio');
}

export function defaultWorkspaceRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.HOME || env.USERPROFILE || os.homedir(), 'ConnectorStudio');
}
