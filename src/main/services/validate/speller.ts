/** The English dictionary of the certification profile's language check: Hunspell's en-US word list from the
 * dictionary-en package, read by nspell. Loaded on first use (about half a second) and kept for the process:
 * only the certification profile needs it. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nspell from 'nspell';
import { SECURITY_VOCABULARY, createProseChecker, type ProseChecker } from '../../../shared/connector/certification';
import { ServiceError } from '../errors';

let checker: ProseChecker | undefined;

/** dictionary-en's own entry reads its files relative to itself with top-level await, which a bundle cannot
 * keep; its folder is found through the resolver instead, as ruff's .wasm is. */
function dictionaryDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('dictionary-en'));
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw e;
    throw new ServiceError('NOT_FOUND', 'The certification check needs the English dictionary of the dictionary-en package, which is not installed here: run npm install in Connector Studio\'s folder.');
  }
}

export function proseChecker(): ProseChecker {
  if (!checker) {
    const dir = dictionaryDir();
    const spell = nspell({ aff: readFileSync(path.join(dir, 'index.aff')), dic: readFileSync(path.join(dir, 'index.dic')) });
    checker = createProseChecker({ correct: (w) => spell.correct(w) }, SECURITY_VOCABULARY);
  }
  return checker;
}
