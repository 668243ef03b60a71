/** What a reviewer types into "Compare with..." becomes a version spec the services load (DESIGN.md: a folder,
 * a .tgz, or git:<revision>). A bare tag or branch name is a git revision: reviewers think "v1.0.0", not
 * "git:v1.0.0". */
export function toVersionSpec(input: string): string {
  const spec = input.trim();
  if (!spec || spec.startsWith('git:')) return spec;
  const isPath = /[\\/]/.test(spec) || /\.(tgz|tar\.gz)$/i.test(spec) || spec === '.' || spec === '..' || spec.startsWith('~');
  return isPath ? spec : `git:${spec}`;
}
