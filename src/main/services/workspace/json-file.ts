import { readFile } from 'node:fs/promises';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { ServiceError, ifMissing } from '../errors';

/** A JSON file the app keeps for itself (server profiles, publish history, test configurations): `fallback` while it
 * does not exist. One that is not JSON fails with where it is and what to do; it never reads as empty, since the next
 * save would then overwrite everything it held. */
export async function readJsonFile<T>(file: string, fallback: T): Promise<T> {
  const text = await readFile(file, 'utf8').catch(ifMissing(undefined));
  if (text === undefined) return fallback;
  const value = parseJsonOrUndefined(text);
  if (value === undefined) throw new ServiceError('UNAVAILABLE', `${file} is damaged (not JSON): move it aside (the app then starts it afresh) or fix it in an editor.`);
  return value as T;
}
