/** Where a new project's CI workflow installs Connector Studio from (issue 17): what `npm install -g` takes. The
 * default is the npm package; a git URL (`git+https://github.com/org/connector-studio.git#v1.2.0`) or a release
 * tarball's URL work the same. The value lands in a shell line of the workflow, so only the characters those
 * forms need are allowed: no spaces, quotes, `$`, `;`, `|`, `&`, backticks or newlines. */
export const DEFAULT_CI_INSTALL = 'connector-studio';

const CI_INSTALL = /^[A-Za-z0-9@][A-Za-z0-9@/._:+#=~%^-]{0,499}$/;

/** Why `spec` cannot be the CI's install source, or null when it can. */
export function ciInstallProblem(spec: string): string | null {
  if (CI_INSTALL.test(spec)) return null;
  return 'The CI install source must be what `npm install -g` takes without quoting: the npm package name (connector-studio, connector-studio@1.2.0), a git URL (git+https://…/connector-studio.git#v1.2.0) or a tarball URL, with no spaces or shell characters.';
}
