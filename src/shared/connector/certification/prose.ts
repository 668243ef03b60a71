/** An offline spelling and grammar check for descriptions, standing in for the LanguageTool run of Fortinet's
 * CI: a Hunspell dictionary (injected, so this module stays pure) plus a vocabulary of security and product
 * words, and a handful of grammar rules of the kinds LanguageTool applies to short English texts (a repeated
 * word, a/an, sentence capitals, stray spaces). Code-like words (identifiers, acronyms, paths, URLs, numbers)
 * are never spelled: descriptions name fields and APIs. */

export interface Speller {
  /** True when the dictionary knows the word as written (Hunspell accepts "Retrieves" for "retrieves"). */
  correct(word: string): boolean;
}

export type ProseIssueKind = 'spelling' | 'repeated-word' | 'article' | 'sentence-start' | 'whitespace' | 'punctuation-space';

export interface ProseIssue {
  readonly kind: ProseIssueKind;
  /** Offsets of the flagged text in the checked string. */
  readonly from: number;
  readonly to: number;
  readonly message: string;
  /** The text that replaces [from, to) in the corrected description, when there is one. */
  readonly replacement?: string;
}

export interface ProseChecker {
  check(text: string): ProseIssue[];
}

/** Abbreviations whose final period does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g.', 'i.e.', 'etc.', 'vs.', 'approx.', 'incl.', 'no.', 'ex.', 'eg.', 'ie.', 'viz.', 'cf.', 'min.', 'max.', 'sec.']);
/** "a" stays before these vowel letters when the sound is a consonant ("a one-time", "a European"). */
const A_BEFORE_VOWEL_LETTER = /^(one|once|eu|ewe|uni|use|usu|ut|ur)/;
/** Doubled words that English uses on purpose. */
const DOUBLES_ALLOWED = new Set(['that', 'had', 'is']);
/** Prefixes that stand before a hyphen ("pre-configured", "non-empty", "e-mail"). */
const HYPHEN_PREFIXES = new Set(['pre', 'non', 're', 'sub', 'multi', 'co', 'de', 'un', 'anti', 'auto', 'semi', 'inter', 'intra', 'post', 'e', 'x', 'self', 'cross', 'over']);
/** Words after which a capital "A" is the letter, not the article ("where A is the highest grade"). */
const NOT_AFTER_ARTICLE = new Set(['is', 'are', 'was', 'were', 'and', 'or', 'to', 'through', 'in', 'on', 'of', 'at', 'as', 'if']);
const LEADING = /^[([{"'“‘<*]+/;
const TRAILING = /[)\]}"'”’>.,;:!?…*]+$/;

/** Text inside `backticks` is code: replaced by digits (same length, so offsets hold; a run of digits is no
 * word, no space and no punctuation to any rule) before any rule reads it. */
function maskCode(text: string): string {
  return text.replace(/`[^`]*`/g, (m) => '0'.repeat(m.length));
}

/** A word the dictionary should judge: letters (and inner ' or -) only, at most a leading capital. Anything else
 * (snake_case, camelCase, ACRONYMS, file.names, URLs, numbers) is code or a name, not prose. */
function isProseWord(w: string): boolean {
  return /^[A-Za-z][a-z]*(?:['-][A-Za-z]?[a-z]*)*$/.test(w) && !/[A-Z]/.test(w.slice(1).replace(/-[A-Z]/g, ''));
}

interface Token {
  readonly text: string;
  readonly from: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const raw = m[0];
    const lead = LEADING.exec(raw)?.[0].length ?? 0;
    const core = raw.slice(lead).replace(TRAILING, '');
    if (core) out.push({ text: core, from: m.index + lead });
  }
  return out;
}

export function createProseChecker(speller: Speller, vocabulary: Iterable<string>): ProseChecker {
  const vocab = new Set([...vocabulary].map((w) => w.toLowerCase()));
  const known = new Map<string, boolean>();
  const suggestions = new Map<string, string | undefined>();

  const inVocabulary = (w: string) => {
    const lower = w.toLowerCase();
    return vocab.has(lower) || (lower.endsWith('s') && vocab.has(lower.slice(0, -1))) || (lower.endsWith('es') && vocab.has(lower.slice(0, -2)));
  };
  const isKnown = (w: string): boolean => {
    let ok = known.get(w);
    if (ok === undefined) {
      const bare = w.replace(/'s$|s'$/, (m) => (m === "s'" ? 's' : ''));
      ok = inVocabulary(w) || speller.correct(w) || (bare !== w && (inVocabulary(bare) || speller.correct(bare)));
      known.set(w, ok);
    }
    return ok;
  };
  const suggestionFor = (w: string): string | undefined => {
    if (!suggestions.has(w)) suggestions.set(w, suggest(w, (c) => speller.correct(c) || inVocabulary(c)));
    return suggestions.get(w);
  };

  function spelling(masked: string, out: ProseIssue[]): void {
    for (const t of tokens(masked)) {
      const word = t.text.replace(/’/g, "'");
      if (!isProseWord(word)) continue;
      let offset = 0;
      const parts = word.split('-');
      for (const [i, part] of parts.entries()) {
        const from = t.from + offset;
        offset += part.length + 1;
        const clean = part.replace(/^'+|'+$/g, '');
        const prefix = i < parts.length - 1 && HYPHEN_PREFIXES.has(clean.toLowerCase());
        if (clean.length < 2 || prefix || isKnown(clean)) continue;
        const hint = suggestionFor(clean);
        out.push({
          kind: 'spelling',
          from,
          to: from + part.length,
          message: hint ? `'${clean}' may be misspelled (${hint}?)` : `'${clean}' is not in the dictionary`,
          ...(hint ? { replacement: hint } : {}),
        });
      }
    }
  }

  return {
    check(text: string): ProseIssue[] {
      const masked = maskCode(text.replace(/’/g, "'"));
      const out: ProseIssue[] = [];
      spelling(masked, out);
      repeatedWords(masked, out);
      articles(masked, out);
      sentenceStarts(masked, out);
      spacing(masked, out);
      return out.sort((a, b) => a.from - b.from || a.to - b.to);
    },
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The first known word one edit away (a swap of neighbours first, then a deletion, a replacement, an
 * insertion): typos are mostly one edit, and this is milliseconds where Hunspell's own suggest can take a
 * second on a word with no near neighbour. Capitalisation follows the original. */
function suggest(word: string, known: (w: string) => boolean): string | undefined {
  const w = word.toLowerCase();
  const capital = word.charAt(0) !== w.charAt(0);
  const tryWord = (c: string) => {
    const cased = capital ? c.charAt(0).toUpperCase() + c.slice(1) : c;
    return c !== w && c.length > 1 && known(cased) ? cased : undefined;
  };
  for (let i = 0; i < w.length - 1; i++) {
    const hit = tryWord(w.slice(0, i) + w.charAt(i + 1) + w.charAt(i) + w.slice(i + 2));
    if (hit) return hit;
  }
  for (let i = 0; i < w.length; i++) {
    const hit = tryWord(w.slice(0, i) + w.slice(i + 1));
    if (hit) return hit;
  }
  for (let i = 0; i < w.length; i++)
    for (const c of LETTERS) {
      const hit = tryWord(w.slice(0, i) + c + w.slice(i + 1));
      if (hit) return hit;
    }
  for (let i = 0; i <= w.length; i++)
    for (const c of LETTERS) {
      const hit = tryWord(w.slice(0, i) + c + w.slice(i));
      if (hit) return hit;
    }
  return undefined;
}

function repeatedWords(text: string, out: ProseIssue[]): void {
  // "for example example.com" names a domain: the second word must end where the token does.
  for (const m of text.matchAll(/\b([A-Za-z]+)(\s+)\1\b(?![.@/-]\w)/gi)) {
    const [all, word = ''] = m;
    if (DOUBLES_ALLOWED.has(word.toLowerCase())) continue;
    out.push({ kind: 'repeated-word', from: m.index, to: m.index + all.length, message: `'${all.replace(/\s+/, ' ')}' repeats a word`, replacement: word });
  }
}

function articles(text: string, out: ProseIssue[]): void {
  for (const m of text.matchAll(/\b(a|an|A|An)\s+([a-z][a-z-]*)\b/g)) {
    const [, article = '', next = ''] = m;
    if (NOT_AFTER_ARTICLE.has(next) || next === 'a' || next === 'an') continue; // "a a" is the repeated-word rule's
    const lower = article.toLowerCase();
    const wantsAn = /^[aeio]/.test(next) && !A_BEFORE_VOWEL_LETTER.test(next);
    const wantsA = /^[bcdfgjklmnpqrstvwxyz]/.test(next);
    const fixed = lower === 'a' && wantsAn ? 'an' : lower === 'an' && wantsA ? 'a' : undefined;
    if (!fixed) continue;
    const replacement = article.startsWith('A') ? fixed.charAt(0).toUpperCase() + fixed.slice(1) : fixed;
    out.push({ kind: 'article', from: m.index, to: m.index + article.length, message: `use '${fixed}' before '${next}'`, replacement });
  }
}

/** The first word of the text and of each sentence starts with a capital letter, unless it is code-like. */
function sentenceStarts(text: string, out: ProseIssue[]): void {
  const list = tokens(text);
  let startsSentence = true;
  for (const [i, t] of list.entries()) {
    if (startsSentence && /^[a-z]/.test(t.text) && isProseWord(t.text.replace(/’/g, "'")))
      out.push({ kind: 'sentence-start', from: t.from, to: t.from + 1, message: `a sentence starts with a capital letter ('${t.text}')`, replacement: t.text.charAt(0).toUpperCase() });
    const raw = text.slice(t.from, list[i + 1]?.from ?? text.length).trimEnd();
    const ends = /[.!?]["')\]]*$/.test(raw) && !raw.endsWith('..') && !ABBREVIATIONS.has(raw.toLowerCase().replace(/["')\]]+$/, ''));
    startsSentence = ends;
  }
}

function spacing(text: string, out: ProseIssue[]): void {
  for (const m of text.matchAll(/(?<=\S) {2,}(?=\S)/g)) out.push({ kind: 'whitespace', from: m.index, to: m.index + m[0].length, message: 'two spaces in a row', replacement: ' ' });
  for (const m of text.matchAll(/(?<=[A-Za-z0-9)]) +([,;!?]|\.(?!\.)|:(?!\/))(?=\s|$)/g)) {
    const mark = m[1] ?? '';
    out.push({ kind: 'punctuation-space', from: m.index, to: m.index + m[0].length, message: `no space before '${mark}'`, replacement: mark });
  }
}

/** The description with every replaceable issue applied (overlapping ones: the first wins), for the finding's
 * "Corrected" text, as the CI prints LanguageTool's correction. */
export function correctedText(text: string, issues: readonly ProseIssue[]): string {
  let result = '';
  let at = 0;
  for (const issue of [...issues].sort((a, b) => a.from - b.from)) {
    if (issue.replacement === undefined || issue.from < at) continue;
    result += text.slice(at, issue.from) + issue.replacement;
    at = issue.to;
  }
  return result + text.slice(at);
}
