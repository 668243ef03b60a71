/** Syntax check for `{{ js expression }}` conditions (conditional_output_schema). A small tokenizer and Pratt
 * parser for the expression subset the UI evaluates; never eval or new Function (CSP, and safety). */

export type ConditionCheck = { ok: true } | { ok: false; message: string };

type Tok = { kind: 'num' | 'str' | 'id' | 'punct' | 'end'; text: string; at: number };

const PUNCT = ['===', '!==', '**', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '<', '>', '+', '-', '*', '/', '%',
  '!', '~', '(', ')', '[', ']', '{', '}', ',', '.', '?', ':'];

const BINARY: Record<string, number> = {
  '??': 1, '||': 2, '&&': 3, '==': 4, '!=': 4, '===': 4, '!==': 4,
  '<': 5, '>': 5, '<=': 5, '>=': 5, in: 5, instanceof: 5, '+': 6, '-': 6, '*': 7, '/': 7, '%': 7, '**': 8,
};
const UNARY = new Set(['!', '-', '+', '~', 'typeof', 'void']);
const precedence = (t: Tok): number | undefined => (t.kind !== 'str' && Object.hasOwn(BINARY, t.text) ? BINARY[t.text] : undefined);

class SyntaxErr extends Error {}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (/\s/.test(ch)) { i++; continue; }
    const start = i;
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(src.slice(i))!;
      i += m[0].length;
      toks.push({ kind: 'num', text: m[0], at: start });
    } else if (ch === '"' || ch === "'" || ch === '`') {
      i++;
      while (i < src.length && src[i] !== ch) i += src[i] === '\\' ? 2 : 1;
      if (i >= src.length) throw new SyntaxErr(`unterminated string at ${start}`);
      i++;
      toks.push({ kind: 'str', text: src.slice(start, i), at: start });
    } else if (/[A-Za-z_$]/.test(ch)) {
      while (i < src.length && /[\w$]/.test(src.charAt(i))) i++;
      toks.push({ kind: 'id', text: src.slice(start, i), at: start });
    } else {
      const p = PUNCT.find((q) => src.startsWith(q, i));
      if (!p) throw new SyntaxErr(`unexpected '${ch}' at ${start}`);
      i += p.length;
      toks.push({ kind: 'punct', text: p, at: start });
    }
  }
  toks.push({ kind: 'end', text: '', at: src.length });
  return toks;
}

class Parser {
  private pos = 0;
  private readonly end: Tok;
  constructor(private readonly toks: Tok[]) {
    // tokenize() ends every list with the end token; reading past it keeps answering it.
    this.end = toks.at(-1) ?? { kind: 'end', text: '', at: 0 };
  }
  private peek = (): Tok => this.toks[this.pos] ?? this.end;
  private next = (): Tok => this.toks[this.pos++] ?? this.end;
  private is = (text: string) => this.peek().kind !== 'str' && this.peek().text === text;
  private expect(text: string) {
    const t = this.next();
    if (t.text !== text || t.kind === 'str') throw new SyntaxErr(`expected '${text}' at ${t.at}`);
  }
  parseAll(): void {
    this.expression();
    const t = this.peek();
    if (t.kind !== 'end') throw new SyntaxErr(`unexpected '${t.text}' at ${t.at}`);
  }
  private expression(): void {
    this.binary(0);
    if (this.is('?')) {
      this.next();
      this.expression();
      this.expect(':');
      this.expression();
    }
  }
  private binary(minPrec: number): void {
    this.unary();
    for (;;) {
      const t = this.peek();
      const prec = precedence(t);
      if (prec === undefined || prec <= minPrec) return;
      this.next();
      this.binary(t.text === '**' ? prec - 1 : prec);
    }
  }
  private unary(): void {
    if (this.peek().kind !== 'str' && UNARY.has(this.peek().text)) {
      this.next();
      this.unary();
      return;
    }
    this.primary();
    this.postfix();
  }
  private primary(): void {
    const t = this.next();
    if (t.kind === 'num' || t.kind === 'str') return;
    if (t.kind === 'id' && precedence(t) === undefined) return;
    if (t.text === '(') return void (this.expression(), this.expect(')'));
    if (t.text === '[') return this.list(']', () => this.expression());
    if (t.text === '{') return this.list('}', () => this.property());
    throw new SyntaxErr(t.kind === 'end' ? 'unexpected end of expression' : `unexpected '${t.text}' at ${t.at}`);
  }
  private property(): void {
    const key = this.next();
    if (key.kind === 'end' || key.kind === 'punct') throw new SyntaxErr(`expected a property name at ${key.at}`);
    this.expect(':');
    this.expression();
  }
  private list(close: string, item: () => void): void {
    while (!this.is(close)) {
      item();
      if (!this.is(close)) this.expect(',');
    }
    this.next();
  }
  private postfix(): void {
    for (;;) {
      if (this.is('.') || this.is('?.')) {
        this.next();
        if (this.is('[') || this.is('(')) continue;
        const name = this.next();
        if (name.kind !== 'id') throw new SyntaxErr(`expected a property name at ${name.at}`);
      } else if (this.is('[')) {
        this.next();
        this.expression();
        this.expect(']');
      } else if (this.is('(')) {
        this.next();
        this.list(')', () => this.expression());
      } else return;
    }
  }
}

/** Checks one `{{ expression }}` condition string. */
export function checkCondition(condition: unknown): ConditionCheck {
  if (typeof condition !== 'string') return { ok: false, message: 'the condition is not a string' };
  const body = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(condition)?.[1];
  if (body === undefined) return { ok: false, message: 'the condition is not wrapped in {{ }}' };
  if (body.trim() === '') return { ok: false, message: 'the condition is empty' };
  try {
    new Parser(tokenize(body)).parseAll();
    return { ok: true };
  } catch (e) {
    if (e instanceof SyntaxErr) return { ok: false, message: e.message };
    throw e;
  }
}
