/** Names of connectors already in the FortiSOAR store (resources/store-connectors.json), for the wizard's
 * clash warning. Lower-cased: the store's folder names are. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMissing } from '../errors';

export async function loadStoreNames(resourcesDir: string): Promise<ReadonlySet<string>> {
  try {
    const doc = JSON.parse(await readFile(path.join(resourcesDir, 'store-connectors.json'), 'utf8')) as { names?: unknown };
    const names = Array.isArray(doc.names) ? doc.names.filter((n): n is string => typeof n === 'string') : [];
    return new Set(names.map((n) => n.toLowerCase()));
  } catch (e) {
    // The warning is a courtesy: a build without the list still has a working wizard.
    if (isMissing(e)) return new Set();
    throw e;
  }
}
