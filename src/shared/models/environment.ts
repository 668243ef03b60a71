/** A connector's Python environment in the simulated runtime. There are three kinds (docs/ARCHITECTURE.md,
 * "Python environments"), all in the user data folder, never in the project:
 * - the connector's own virtualenv (`environments/<hash>/venv`), holding its requirements.txt;
 * - the platform default (`platform-env/py3.x/venv`), shared by every connector that has no virtualenv of its
 *   own: the libraries FortiSOAR pre-installs (PLATFORM_LIBRARIES);
 * - the tools environment (`tools-env/py3.x/`), the IDE's own packages (debugpy, pytest, jinja2), on the
 *   worker's sys.path behind everything of the connector's. */

/** Libraries FortiSOAR installs for every connector; a connector may use them without listing them. The one list:
 * the platform default installs it, connector installs offer it, the Environment tab checks it. Evidence for each
 * (docs/ARCHITECTURE.md, "Python environments", has the sources):
 * - requests: Fortinet's connector library calls it itself (connectors/core/utils.py, api_health_check) and
 *   declares it (setup.py install_requires); most of the runnable corpus imports it without declaring it.
 * - requests_toolbelt: qradar and sekoia-io-xdr import it, neither declares it.
 * - arrow: paloalto-cortex-xdr imports it and has no requirements.txt.
 * - python-dateutil: arrow's own dependency, so present wherever arrow is; cisa-advisory imports it.
 * - urllib3: sekoia-io-xdr imports it undeclared (requests' dependency).
 * - six, xmltodict, bs4: the shared reference's list of libraries connectors use without declaring
 *   (reference/connector-format.md). */
export const PLATFORM_LIBRARIES = [
  { module: 'requests', requirement: 'requests' },
  { module: 'requests_toolbelt', requirement: 'requests-toolbelt' },
  { module: 'arrow', requirement: 'arrow' },
  { module: 'dateutil', requirement: 'python-dateutil' },
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

/** Which interpreter the worker runs: the connector's venv's, the platform default's, the connector's own choice
 * of interpreter, or the one in Settings. */
export type InterpreterSource = 'venv' | 'platform' | 'connector' | 'settings';

/** Which kind of environment the worker runs on: the connector's own virtualenv; else the platform default (when
 * it exists for the interpreter's Python version); else the plain interpreter with what it has installed. */
export type EnvironmentKind = 'connector' | 'platform' | 'interpreter';

/** The shared virtualenv of FortiSOAR's pre-installed libraries, for one Python version (major.minor). */
export interface PlatformEnvironmentState {
  /** The virtualenv's folder, whether or not it exists. */
  readonly path: string;
  /** Made, with its libraries installed as far as pip could (see `failed`). */
  readonly exists: boolean;
  /** The Python version it is for (major.minor), the connector's interpreter's; absent when that does not run. */
  readonly pythonVersion?: string;
  readonly python?: string;
  readonly createdAt?: string;
  /** Platform libraries pip could not install into it, as requirements. */
  readonly failed: string[];
}

/** The IDE's own packages for the worker (debugpy, pytest, jinja2), for one Python version. */
export interface ToolsEnvironmentState {
  readonly path: string;
  readonly exists: boolean;
  readonly packages: { readonly name: string; readonly version: string }[];
}

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
  /** Which kind of environment the worker runs on now. */
  readonly kind: EnvironmentKind;
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
  /** The platform libraries as the worker's interpreter sees them. */
  readonly platformLibraries: PlatformLibraryState[];
  /** The platform default for the connector's Python version, used when the connector has no venv. */
  readonly platform: PlatformEnvironmentState;
  readonly tools: ToolsEnvironmentState;
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
