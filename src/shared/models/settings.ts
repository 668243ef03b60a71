export type Theme = 'dark' | 'light';

export interface Settings {
  readonly workspaceRoot: string;
  /** Empty string: detect. */
  readonly pythonPath: string;
  readonly gitPath: string;
  readonly theme: Theme;
  readonly editorFontSize: number;
  readonly runtimeTimeoutSec: number;
  /** Memory (address space) each connector's Python worker may use, in MB; 0: no limit. */
  readonly workerMemoryLimitMb: number;
  readonly largeFileLimitKb: number;
  /** Formats Python files with ruff before saving them (one undoable edit). */
  readonly formatOnSave: boolean;
  /** Projects opened from outside the workspace, by absolute path. */
  readonly extraProjects: string[];
}

export interface ToolInfo {
  readonly id: 'python' | 'git';
  readonly found: boolean;
  readonly command: string;
  readonly version?: string;
  readonly path?: string;
  /** How to install it, when missing. */
  readonly hint?: string;
}

export interface AppInfo {
  readonly version: string;
  readonly mode: 'desktop' | 'browser';
  readonly platform: string;
  readonly workspaceRoot: string;
  readonly userDataDir: string;
  readonly logsDir: string;
  /** Where the key of saved passwords lives; absent when the host did not say. */
  readonly secretKey?: SecretKeyLocation;
  /** What went wrong reading the user's files at start (a malformed settings.json moved aside), one sentence
   * each; the window shows them once as warnings. */
  readonly notices?: readonly string[];
}

/** Where the key that encrypts saved passwords and API keys lives, for Settings to show. */
export interface SecretKeyLocation {
  readonly where: 'keychain' | 'file';
  /** One line for people, e.g. which file holds the key and who can read it. */
  readonly explanation: string;
}

export interface ProgressEvent {
  readonly id: string;
  readonly title: string;
  readonly fraction?: number;
  readonly message?: string;
  readonly done?: boolean;
  readonly error?: string;
}
