/** Vendors' descriptions through the certification profile's own language check before they land in info.json:
 * what it can correct (sentence capitals, doubled words, spacing) is corrected; a sentence it still flags (an
 * unknown word, a vendor's typo) is left out rather than copied, so the generated connector reads clean. */
import { correctedText, type ProseChecker } from '../../../shared/connector/certification';
import { proseChecker } from '../validate/speller';

let checker: ProseChecker | undefined;
const check = (text: string) => (checker ??= proseChecker()).check(text);

export const passes = (text: string): boolean => check(text).length === 0;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9"'(])/).map((s) => s.trim()).filter(Boolean);
}

/** Corrections the checker is sure of; a spelling suggestion is a guess ("Kenna" is not "Henna"): never applied. */
const safeFixes = (text: string) => correctedText(text, check(text).filter((i) => i.kind !== 'spelling'));

/** The text with what can be corrected corrected and the sentences that still fail left out, at most about
 * `max` characters of whole sentences; '' when none is left. */
export function polish(text: string, max = 600): string {
  if (!text.trim()) return '';
  const kept: string[] = [];
  let length = 0;
  for (const sentence of sentences(text)) {
    if (length >= max * 0.5 && length + sentence.length > max) break;
    const fixed = safeFixes(sentence);
    if (!passes(fixed)) continue;
    kept.push(fixed);
    length += fixed.length + 1;
  }
  const joined = kept.join(' ');
  return joined && passes(joined) ? joined : '';
}
