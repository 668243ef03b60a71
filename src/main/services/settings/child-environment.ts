import { loginShellPath } from './tool-detect';

/**
 * The environment every child process inherits (git, python, pip, pyright, the worker): process.env, with PATH
 * taken from the user's login shell where the app's own PATH is not the one their terminal has. A desktop app
 * started from the macOS Dock or Finder gets launchd's bare PATH (/usr/bin:/bin:...), so the python3 and git the
 * user installed with Homebrew or pyenv would not be found; a terminal's PATH already is the login shell's.
 *
 * It changes process.env on purpose, once at start: every service spawns with the inherited environment, and
 * giving each of them an env parameter would be one more thing a new spawn could forget. The CLI never calls it.
 */
export async function adoptLoginShellPath(log?: (msg: string) => void): Promise<void> {
  const shellPath = await loginShellPath();
  if (!shellPath || shellPath === process.env.PATH) return;
  process.env.PATH = shellPath;
  log?.('PATH for child processes taken from the login shell');
}
