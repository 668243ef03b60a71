/** A fast structural look at Python source without a parser, for the checks that need only a few statements of a
 * file: a cold @lezer/python parse of a 40 KB module costs a fresh `connector-studio validate` most of its time,
 * while this is one linear pass. Strings and comments are blanked out (same length, newlines kept), so no quote or
 * `#` inside them can be mistaken for code; physical lines joined by brackets or a backslash form logical lines. */

export interface LogicalLine {
  /** Offset of the line's first character (its indentation included). */
  readonly start: number;
  /** Offset of the newline that ends it (or the text's length). */
  readonly end: number;
  /** Leading spaces and tabs of its first physical line. */
  readonly indent: number;
  /** The line with strings' contents and comments blanked. */
  readonly masked: string;
}

const STATEMENT_START = /^(?:(?:async\s+)?def\s|class\s|import\s|from\s+[\w.]+\s+import\b|@\w)/;
const HAS_CODE = /\S/;

/** Whether a statement no expression can hold (`def`, `class`, `import`, a decorator) starts at `at`, column 0. */
function statementStartsAt(masked: string, at: number): boolean {
  const c = masked.charCodeAt(at);
  // Only a, c, d, f, i or @ can begin one: most lines are ruled out without a regular expression.
  if (c !== 97 && c !== 99 && c !== 100 && c !== 102 && c !== 105 && c !== 64) return false;
  return STATEMENT_START.test(masked.slice(at, at + 80));
}

/** Where the string whose opening quote is at `open` ends: just past its closing quotes; an unterminated one-line
 * string ends at its line's end (as a parser recovering from the error reads it), an unterminated block string at
 * the end of the text. `contentEnd` is where its contents stop. */
export function stringEnd(text: string, open: number): { contentStart: number; contentEnd: number; end: number } {
  const q = text.charCodeAt(open);
  const triple = text.charCodeAt(open + 1) === q && text.charCodeAt(open + 2) === q;
  const width = triple ? 3 : 1;
  const n = text.length;
  let j = open + width;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d === 92) j += 2; // a backslash escapes the next character, in raw strings too as far as ending the string goes
    else if (!triple && d === 10) return { contentStart: open + width, contentEnd: j, end: j };
    else if (d === q && (!triple || (text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q))) return { contentStart: open + width, contentEnd: j, end: j + width };
    else j++;
  }
  return { contentStart: open + width, contentEnd: n, end: n };
}

/** A run of spaces as long as `s`, its line breaks kept. */
const blank = (s: string) => (s.includes('\n') || s.includes('\r') ? s.replace(/[^\r\n]/g, ' ') : ' '.repeat(s.length));

/** `text` with every comment and every string's contents replaced by spaces (quotes and newlines kept). The
 * scan jumps from one `#` or quote to the next with a regular expression: most of a module is neither. */
export function maskPython(text: string): string {
  const parts: string[] = [];
  const n = text.length;
  const special = /[#'"]/g;
  let copied = 0;
  for (let m = special.exec(text); m; m = special.exec(text)) {
    const i = m.index;
    if (text.charCodeAt(i) === 35) {
      // # comment: to the end of the line
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      parts.push(text.slice(copied, i), blank(text.slice(i, j)));
      copied = special.lastIndex = j;
    } else {
      const s = stringEnd(text, i);
      parts.push(text.slice(copied, s.contentStart), blank(text.slice(s.contentStart, s.contentEnd)));
      copied = s.contentEnd;
      special.lastIndex = s.end;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** The logical lines of `text` that hold code (blank and comment-only lines left out), in order. */
export function logicalLines(text: string, masked = maskPython(text)): LogicalLine[] {
  const lines: LogicalLine[] = [];
  const n = masked.length;
  const marks = /[()[\]{}\n]/g;
  let start = 0;
  let depth = 0;
  const end = (i: number) => {
    let indent = 0;
    while (start + indent < i && (masked.charCodeAt(start + indent) === 32 || masked.charCodeAt(start + indent) === 9)) indent++;
    const line = masked.slice(start, i);
    if (HAS_CODE.test(line)) lines.push({ start, end: i, indent, masked: line });
    start = i + 1;
    depth = 0;
  };
  for (let m = marks.exec(masked); m; m = marks.exec(masked)) {
    const i = m.index;
    const c = masked.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c !== 10) {
      if (depth > 0) depth--;
    } else {
      const backslash = masked.charCodeAt(i - 1) === 92 || (masked.charCodeAt(i - 1) === 13 && masked.charCodeAt(i - 2) === 92);
      // A bracket left open (code being typed, a bad edit) would swallow the rest of the file; a statement no
      // expression can hold, at the start of a line, ends it as a parser recovering from the error would.
      if (!backslash && (depth === 0 || statementStartsAt(masked, i + 1))) end(i);
    }
  }
  if (start < n || n === 0) end(n);
  return lines;
}

/** Names of the module's top-level functions (`def name` at column 0, decorated or not). */
export function topLevelFunctions(lines: readonly LogicalLine[]): Set<string> {
  const names = new Set<string>();
  for (const line of lines) {
    const fn = line.indent === 0 ? /^(?:async\s+)?def\s+([A-Za-z_]\w*)/.exec(line.masked) : null;
    if (fn?.[1]) names.add(fn[1]);
  }
  return names;
}

const OPENERS = new Set([40, 91, 123]); // ( [ {
const CLOSERS = new Set([41, 93, 125]); // ) ] }
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** The index of the bracket closing the one at `open` in masked source, or -1 when it is never closed. */
export function matchingBracket(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c) && --depth === 0) return i;
  }
  return -1;
}

/** Whether the keyword `word` appears in masked[from, to) outside brackets. */
export function hasTopLevelWord(masked: string, from: number, to: number, word: string): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = masked.charCodeAt(i);
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth--;
    else if (depth === 0 && masked.startsWith(word, i) && !isWordChar(masked.charCodeAt(i - 1)) && !isWordChar(masked.charCodeAt(i + word.length))) return true;
  }
  return false;
}

/** masked[from, to) cut at the commas outside brackets (a lambda's parameters are not cut): argument lists,
 * dict items, parameters. Each piece as [start, end). */
export function splitTopLevel(masked: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let lambdas = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = masked.charCodeAt(i);
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth--;
    else if (depth !== 0) continue;
    else if (c === 44 && lambdas === 0) {
      out.push([start, i]);
      start = i + 1;
    } else if (c === 58 && lambdas > 0 && masked.charCodeAt(i + 1) !== 61) lambdas--;
    else if (c === 108 && masked.startsWith('lambda', i) && !isWordChar(masked.charCodeAt(i - 1)) && !isWordChar(masked.charCodeAt(i + 6))) {
      lambdas++;
      i += 5;
    }
  }
  out.push([start, to]);
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** The value of one plain string literal's source (prefix and quotes included; not an f-string). */
export function stringLiteralValue(raw: string): string {
  const prefix = /^[rRuUbB]*/.exec(raw)?.[0] ?? '';
  const body = raw.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
  const inner = body.slice(quote.length, body.length - quote.length);
  if (/r/i.test(prefix)) return inner;
  return inner.replace(/\\(.)/gs, (_, ch: string) => SIMPLE_ESCAPES[ch] ?? `\\${ch}`);
}

/** The value of source that is only string literals (`'a'`, `r"b" 'c'` joined), or undefined for anything else
 * (a name, a number, an f-string, an expression). `masked` is the same source masked. */
export function literalValue(raw: string, masked: string): string | undefined {
  const parts: string[] = [];
  let i = 0;
  while (i < masked.length) {
    if (/\s|\\/.test(masked.charAt(i))) {
      i++;
      continue;
    }
    const open = /^[rRuUbB]{0,2}("""|'''|"|')/.exec(masked.slice(i, i + 5));
    if (!open?.[1]) return undefined;
    const close = masked.indexOf(open[1], i + open[0].length);
    if (close < 0) return undefined;
    const end = close + open[1].length;
    parts.push(stringLiteralValue(raw.slice(i, end)));
    i = end;
  }
  return parts.length > 0 ? parts.join('') : undefined;
}
