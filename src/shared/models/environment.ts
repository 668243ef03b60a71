/** A connector's Python environment in the simulated runtime: its interpreter and its virtualenv. */

/** Libraries FortiSOAR installs for every connector; a connector may use them without listing them. */
export const PLATFORM_LIBRARIES = [
  { module: 'requests', requirement: 'requests' },
  { module: 'requests_toolbelt', requirement: 'requests-toolbelt' },
  { module: 'arrow', requirement: 'arrow' },
  { module: 'urllib3', requirement: 'urllib3' },
  { module: 'six', requirement: 'six' },
  { module: 'xmltodict', requirement: 'xmltodict' },
  { module: 'bs4', requirement: 'beautifulsoup4' },
] as const;

export type PlatformRequirement = (typeof PLATFORM_LIBRARIES)[number]['requirement'];

/** A Python found on PATH (python3, python3.x), or one the user typed. */
export interface InterpreterInfo {
  /** What is spawned: a name on PATH or an absolute path. */
  readonly command: string;
  readonly version?: string;
  /** sys.executable, when it ran. */
  readonly path?: string;
  readonly found: boolean;
}

/** Which interpreter the worker runs: the venv's, the connector's own choice, or the one in Settings. */
export type InterpreterSource = 'venv' | 'connector' | 'settings';

export interface PlatformLibraryState {
  readonly module: string;
  readonly requirement: PlatformRequirement;
  /** Importable by the worker's interpreter, with its version. */
  readonly installedVersion?: string;
}

export interface LastInstall {
  readonly at: string;
  readonly status: 'Completed' | 'Failed';
  readonly message: string;
  readonly failed: string[];
  readonly extras: PlatformRequirement[];
}

export interface RuntimeEnvironment {
  /** The interpreter the worker runs now. */
  readonly interpreter: InterpreterInfo & { readonly source: InterpreterSource };
  /** The connector's own choice ('' = Settings), which also builds the venv. */
  readonly selected: string;
  /** The Settings interpreter (the default). */
  readonly settingsInterpreter: string;
  readonly venv: { readonly exists: boolean; readonly path: string; readonly python?: string };
  /** Packages installed in the venv itself (not the system's). */
  readonly packages: { readonly name: string; readonly version: string }[];
  /** Lines of requirements.txt that name something to install. */
  readonly requirements: string[];
  /** The connector ships a packages/ folder (wheels pip may install from). */
  readonly hasPackagesDir: boolean;
  readonly platformLibraries: PlatformLibraryState[];
  readonly lastInstall?: LastInstall;
}

export interface InstallOutcome {
  readonly status: 'Completed' | 'Failed';
  readonly message: string;
  /** Requirements pip could not install, as written in requirements.txt. */
  readonly failed: string[];
  /** pip's whole log (its last 256 KiB). */
  readonly log: string;
  readonly environment: RuntimeEnvironment;
}

/** One line of the install's log, with how far it got (0..1). */
export interface InstallProgressEvent {
  readonly runId: string;
  readonly line: string;
  readonly fraction: number;
}
