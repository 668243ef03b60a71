/** The environment a Python worker starts with: what Python, pip-installed libraries and a connector's HTTP
 * calls need from the user's session, and nothing of the IDE's own (launch and askpass tokens, Electron and
 * Node settings) or of the user's credentials. Connector code is untrusted; on FortiSOAR it runs in a
 * service's environment, not in its author's shell, so an allowlist is also the faithful simulation. */

/** Variables a worker may inherit. */
const KEEP = new RegExp(
  '^(' +
    [
      'PATH', 'HOME', 'USER', 'USERNAME', 'LOGNAME', 'SHELL', 'TERM', 'TZ', 'LANG', 'LANGUAGE', 'LC_[A-Z_]+',
      'LD_LIBRARY_PATH', 'XDG_[A-Z_]+',
      // The interpreter and its environment, as the user configured them.
      'PYTHON[A-Z0-9_]*', 'VIRTUAL_ENV', 'CONDA_[A-Z_]+', '[A-Z0-9_]+_HOME',
      // Proxies and certificate bundles the user configured for outgoing HTTPS.
      '(HTTP|HTTPS|FTP|ALL|NO)_PROXY', 'SSL_CERT_(FILE|DIR)', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE',
      // Windows: Python and the C runtime fail in odd ways without these.
      'SYSTEMROOT', 'SYSTEMDRIVE', 'WINDIR', 'COMSPEC', 'PATHEXT', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH',
      'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA', 'PROGRAMFILES', 'PROGRAMFILES\\(X86\\)', 'PROGRAMW6432',
      'COMMONPROGRAMFILES', 'COMMONPROGRAMFILES\\(X86\\)', 'NUMBER_OF_PROCESSORS', 'PROCESSOR_[A-Z_]+', 'OS',
    ].join('|') +
    ')$',
  'i',
);

/** Never inherited, even when KEEP would allow the name: credentials, and the IDE's and its tools' variables. */
const DROP =
  /TOKEN|SECRET|PASSW|PASSPHRASE|CREDENTIAL|API_?KEY|ACCESS_?KEY|PRIVATE|AUTH|COOKIE|SESSION|(^|_)KEY(_|$)|(^|_)PAT$|ASKPASS|^(CONNECTOR_STUDIO_|FSOAR_|ELECTRON_|NODE_|NPM_|VITE|VSCODE_|GIT_|SSH_|GPG_|DBUS_|KRB5)/i;

export function isInheritable(name: string): boolean {
  return KEEP.test(name) && !DROP.test(name);
}

/** The inheritable part of `base` (normally process.env). */
export function inheritedEnvironment(base: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined && isInheritable(name)) env[name] = value;
  return env;
}
