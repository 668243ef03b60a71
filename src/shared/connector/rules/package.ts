/** Package structure the server's import checks: exactly one member ending in /info.json and one ending in
 * /connector.py (a second one anywhere, e.g. in docs/ or a sub-package, makes the upload fail). */
import { defineRule, type Rule } from '../rule';
import { allPaths } from '../snapshot';

const named = (paths: readonly string[], base: string) => paths.filter((p) => p === base || p.endsWith(`/${base}`)).sort();

function duplicates(base: string): Rule['check'] {
  return ({ snapshot }, report) => {
    const found = named(allPaths(snapshot), base);
    if (found.length < 2) return;
    for (const extra of found.filter((p) => p !== base))
      report({ path: extra, message: `The package would hold ${found.length} files named ${base} (${found.join(', ')}); the server import accepts exactly one: rename or remove '${extra}'.` });
  };
}

export const packageRules: Rule[] = [
  defineRule({
    id: 'single-info-json',
    severity: 'error',
    family: 'document',
    title: 'Exactly one info.json in the package',
    description: 'The server import refuses an archive with more than one member ending in /info.json.',
    check: duplicates('info.json'),
  }),
  defineRule({
    id: 'single-connector-py',
    severity: 'error',
    family: 'document',
    title: 'Exactly one connector.py in the package',
    description: 'The server import refuses an archive with more than one member ending in /connector.py.',
    check: duplicates('connector.py'),
  }),
];
