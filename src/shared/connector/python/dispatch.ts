/** Reads which operation names a connector's Python code can dispatch, from the three real layouts:
 *  1. a dict in operations.py (or any module connector.py imports it from): `operations = {'get_ip': get_ip}`;
 *  2. the SDK template: builtins.py imports one module per operation (`from .get_ip import *`), the operation
 *     name being the module/function name (or builtins.py holds a `supported_operations` dict);
 *  3. a dict inside connector.py (module level, class attribute or `self.x = {...}`).
 * The name looked up is taken from `execute()` (`X.get(operation)` / `X[operation]`) when possible.
 *
 * It reads the few statements that matter by scanning the source (scan.ts) rather than parsing whole modules:
 * this runs on every validation, where a cold parser reading a 40 KB operations.py for one dict cost most of a
 * `connector-studio validate`. It reads them as a Python parser would (the tests hold it to @lezer/python's
 * reading of the same code). */
import { lineIndex, type LineIndex } from '../text-position';
import { hasTopLevelWord, literalValue, logicalLines, maskPython, matchingBracket, splitTopLevel, topLevelFunctions, type LogicalLine } from './scan';

export interface DispatchEntry {
  readonly key: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type DispatchResult =
  | {
      readonly layout: 'dict' | 'modules';
      readonly file: string;
      readonly entries: readonly DispatchEntry[];
      /** False when some keys are computed (`**spread`, constants): absent names prove nothing then. */
      readonly complete: boolean;
    }
  | { readonly layout: 'unknown'; readonly reason: string };

type Files = Readonly<Record<string, string>>;
type Found = Extract<DispatchResult, { layout: 'dict' | 'modules' }>;

interface ImportedName {
  /** Module path relative to the connector root, e.g. "operations.py" (undefined for absolute imports). */
  readonly modulePath: string | undefined;
  /** The name imported, or "*". */
  readonly name: string;
  /** The name bound in the importing module. */
  readonly alias: string;
  /** Where the imported name (or `*`) is. */
  readonly offset: number;
}

/** One module's source, scanned once; each question reads only the logical lines that can answer it. */
class SourceModule {
  private scanned: { masked: string; lines: LogicalLine[]; index: LineIndex } | undefined;
  private imported: ImportedName[] | undefined;
  private functions: ReadonlySet<string> | undefined;
  private assignments: DictAssignment[] | undefined;
  constructor(
    readonly path: string,
    readonly text: string,
  ) {}
  private scan(): { masked: string; lines: LogicalLine[]; index: LineIndex } {
    if (!this.scanned) {
      const masked = maskPython(this.text);
      this.scanned = { masked, lines: logicalLines(this.text, masked), index: lineIndex(this.text) };
    }
    return this.scanned;
  }
  /** The source with strings' contents and comments blanked (scan.ts). */
  masked(): string {
    return this.scan().masked;
  }
  lines(): LogicalLine[] {
    return this.scan().lines;
  }
  entryAt(key: string, offset: number): DispatchEntry {
    return { key, file: this.path, ...this.scan().index.position(offset) };
  }
  imports(): ImportedName[] {
    return (this.imported ??= relativeImports(this));
  }
  /** The logical lines that assign a `{` or `dict(` value, with their targets: what findDict looks through. */
  dictAssignments(): readonly DictAssignment[] {
    return (this.assignments ??= dictAssignments(this.lines()));
  }
  topLevelFunctions(): ReadonlySet<string> {
    return (this.functions ??= topLevelFunctions(this.lines()));
  }
}

class Modules {
  private readonly cache = new Map<string, SourceModule | null>();
  constructor(private readonly files: Files) {}
  get(path: string): SourceModule | undefined {
    if (!this.cache.has(path)) {
      const real = path in this.files ? path : path.replace(/\.py$/, '/__init__.py');
      const text = this.files[real];
      this.cache.set(path, text === undefined ? null : new SourceModule(real, text));
    }
    return this.cache.get(path) ?? undefined;
  }
}

export function readDispatch(files: Files): DispatchResult {
  const modules = new Modules(files);
  const connector = modules.get('connector.py');
  if (!connector) return { layout: 'unknown', reason: 'connector.py is missing' };
  for (const name of lookedUpNames(connector)) {
    const found = resolve(modules, connector, name, 0);
    if (found) return found;
  }
  for (const path of ['operations.py', 'builtins.py', 'connector.py']) {
    const m = modules.get(path);
    const found = m && findDict(m, (n) => /operations/i.test(n));
    if (found) return found;
  }
  const builtins = modules.get('builtins.py');
  const sdk = builtins && moduleLayout(modules, builtins);
  if (sdk && sdk.entries.length > 0) return sdk;
  return {
    layout: 'unknown',
    reason:
      'no dispatch table found: neither an operations dict (operations.py, connector.py) nor builtins.py ' +
      'importing one module per operation',
  };
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;
/** Names a parser reads as keywords or constants, never as a variable. */
const NOT_VARIABLES = new Set(['None', 'True', 'False', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield']);

const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The plain chain of names (`a`, `a.b.c`) that ends just before `end` in masked source, when it is not itself
 * part of a longer expression (`f().x`, `a[0].x`, `"s".x`). Read backwards, one character at a time. */
function dottedChainBefore(masked: string, end: number): { start: number; name: string } | undefined {
  const parts: string[] = [];
  let i = end;
  for (;;) {
    while (i > 0 && isSpace(masked.charCodeAt(i - 1))) i--;
    const nameEnd = i;
    while (i > 0 && isNameChar(masked.charCodeAt(i - 1))) i--;
    const name = masked.slice(i, nameEnd);
    if (!/^[A-Za-z_]/.test(name) || NOT_VARIABLES.has(name)) return undefined;
    parts.unshift(name);
    let j = i;
    while (j > 0 && isSpace(masked.charCodeAt(j - 1))) j--;
    if (masked.charCodeAt(j - 1) !== 46) break; // no '.' before it: the chain starts here
    i = j - 1;
  }
  const before = masked.slice(Math.max(0, i - 50), i);
  if (/[)\]}'"]\s*$/.test(before)) return undefined;
  return { start: i, name: parts.join('.') };
}

/** Whether `name` is read as a variable in masked[from, to): a name token, not an attribute (`x.name`). */
function mentions(masked: string, from: number, to: number, name: string): boolean {
  for (const t of masked.slice(from, to).matchAll(/(?<![\w])[A-Za-z_]\w*/g)) {
    if (t[0] !== name) continue;
    if (!/\.\s*$/.test(masked.slice(Math.max(0, from + t.index - 50), from + t.index))) return true;
  }
  return false;
}

/** The names a `def` binds in its parameter list, and bare names used as defaults, in order (as a parser lists
 * a ParamList's variables). */
function paramNames(masked: string, open: number, close: number): string[] {
  const names: string[] = [];
  for (const [a, b] of splitTopLevel(masked, open + 1, close)) {
    const param = masked.slice(a, b);
    const eq = param.search(/(?<![=!<>:])=(?!=)/);
    const head = (eq < 0 ? param : param.slice(0, eq)).split(':')[0]!.replace(/^\s*\*{1,2}/, '').trim();
    if (IDENTIFIER.test(head)) names.push(head);
    const dflt = eq < 0 ? '' : param.slice(eq + 1).trim();
    if (IDENTIFIER.test(dflt) && !NOT_VARIABLES.has(dflt)) names.push(dflt);
  }
  return names;
}

/** Names used as `X.get(operation)` or `X[operation]` inside execute(). */
function lookedUpNames(m: SourceModule): string[] {
  const lines = m.lines();
  const calls: { at: number; name: string }[] = [];
  const subscripts: { at: number; name: string }[] = [];
  const masked = m.masked();
  for (let i = 0; i < lines.length; i++) {
    const def = lines[i]!;
    const head = /^\s*(?:async\s+)?def\s+execute\s*\(/.exec(def.masked);
    if (!head) continue;
    const open = def.start + head[0].length - 1;
    const close = matchingBracket(masked, open);
    if (close < 0) continue;
    const opParam = paramNames(masked, open, close)[2] ?? 'operation';
    let last = i;
    while (last + 1 < lines.length && lines[last + 1]!.indent > def.indent) last++;
    const from = close + 1;
    const to = lines[last]!.end;
    for (const g of masked.slice(from, to).matchAll(/\.\s*get\s*\(/g)) {
      const dot = from + g.index;
      const paren = dot + g[0].length - 1;
      const chain = dottedChainBefore(masked, dot);
      const end = matchingBracket(masked, paren);
      if (chain && end > 0 && mentions(masked, paren + 1, end, opParam)) calls.push({ at: chain.start, name: chain.name });
    }
    for (const s of masked.slice(from, to).matchAll(/\[/g)) {
      const open2 = from + s.index;
      const chain = dottedChainBefore(masked, open2);
      const end = matchingBracket(masked, open2);
      if (chain && end > 0 && mentions(masked, open2 + 1, end, opParam)) subscripts.push({ at: chain.start, name: chain.name });
    }
    i = last;
  }
  const byPlace = (a: { at: number }, b: { at: number }) => a.at - b.at;
  return [...new Set([...calls.sort(byPlace), ...subscripts.sort(byPlace)].map((c) => c.name))];
}

/** Finds what `name` is bound to, following relative imports (`from .funcs import operations`, `*`). */
function resolve(modules: Modules, m: SourceModule, name: string, depth: number): Found | undefined {
  const local = findDict(m, (n) => n === name);
  if (local || depth > 3 || name.includes('.')) return local;
  for (const imp of m.imports()) {
    if (imp.alias !== name && imp.name !== '*') continue;
    const target = imp.modulePath ? modules.get(imp.modulePath) : undefined;
    if (!target) continue;
    const found = resolve(modules, target, imp.name === '*' ? name : imp.name, depth + 1);
    if (found) return found;
    if (imp.name === '*' && target.path === 'builtins.py') {
      const sdk = moduleLayout(modules, target);
      if (sdk.entries.length > 0) return sdk;
    }
  }
  return undefined;
}

/** `a = `, `self.x: Dict[str, Any] = `, `a, b = ` at the start of a logical line: the targets and where the value starts. */
const ASSIGNMENT = /^(\s*)([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)\s*(?::[^=]*)?=(?!=)\s*/;

interface DictAssignment {
  readonly line: LogicalLine;
  readonly targets: readonly string[];
  /** Offset of the value's `{`, or of the `(` of `dict(`. */
  readonly open: number;
  readonly call: boolean;
}

function dictAssignments(lines: readonly LogicalLine[]): DictAssignment[] {
  const out: DictAssignment[] = [];
  for (const line of lines) {
    const masked = line.masked;
    // Most lines hold no `=` followed by `{` or `dict(`: ruled out before the regular expression.
    const eq = masked.indexOf('=');
    if (eq < 0 || (!masked.includes('{', eq) && !masked.includes('dict', eq))) continue;
    const a = ASSIGNMENT.exec(masked);
    if (!a?.[2]) continue;
    const rest = masked.slice(a[0].length);
    const call = /^dict\s*\(/.test(rest);
    if (!call && !rest.startsWith('{')) continue;
    out.push({ line, targets: a[2].split(',').map((t) => t.trim()), open: line.start + a[0].length + (call ? rest.indexOf('(') : 0), call });
  }
  return out;
}

/** The first dict literal (or `dict(k=v)` call) assigned to a name accepted by `want`, at any depth. */
function findDict(m: SourceModule, want: (name: string) => boolean): Found | undefined {
  for (const d of m.dictAssignments()) {
    if (!d.targets.some((t) => nameMatches(t, want))) continue;
    const found = d.call ? dictCall(m, d.line, d.open) : dictLiteral(m, d.line, d.open);
    if (found) return { layout: 'dict', file: m.path, ...found };
  }
  return undefined;
}

/** `self.x` and `x` name the same table (a class attribute read through self, or the other way round). */
function nameMatches(name: string, want: (name: string) => boolean): boolean {
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name)) return false;
  return want(name) || (name.startsWith('self.') && want(name.slice(5))) || want(`self.${name}`);
}

/** The bracketed value from `open` must be the whole rest of the statement: `{...}.get(x)` is no dict. One left
 * open (a line lost in an edit) runs to the statement's end, as a parser recovering from the error reads it. */
function closesStatement(line: LogicalLine, masked: string, open: number): number {
  const close = matchingBracket(masked, open);
  if (close < 0 || close > line.end) return line.end;
  return masked.slice(close + 1, line.end).trim() === '' ? close : -1;
}

function dictLiteral(m: SourceModule, line: LogicalLine, open: number): { entries: DispatchEntry[]; complete: boolean } | undefined {
  const masked = m.masked();
  const close = closesStatement(line, masked, open);
  if (close < 0 || hasTopLevelWord(masked, open + 1, close, 'for')) return undefined; // a comprehension
  const items = splitTopLevel(masked, open + 1, close).filter(([a, b]) => masked.slice(a, b).trim() !== '');
  const spread = ([a, b]: [number, number]) => /^\s*\*\*/.test(masked.slice(a, b));
  if (items.some((item) => !spread(item) && colonAt(masked, item[0], item[1]) < 0)) return undefined; // a set
  const entries: DispatchEntry[] = [];
  let complete = true;
  for (const item of items) {
    if (spread(item)) {
      complete = false;
      continue;
    }
    const [a] = item;
    const colon = colonAt(masked, a, item[1]);
    const keyStart = a + masked.slice(a, colon).search(/\S/);
    const key = literalValue(m.text.slice(keyStart, colon), masked.slice(keyStart, colon));
    if (key === undefined) complete = false;
    else entries.push(m.entryAt(key, keyStart));
  }
  return { entries, complete };
}

/** The key-value colon of a dict item: the first one outside brackets. */
function colonAt(masked: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = masked.charAt(i);
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ':' && depth === 0 && masked.charAt(i + 1) !== '=') return i;
  }
  return -1;
}

function dictCall(m: SourceModule, line: LogicalLine, open: number): { entries: DispatchEntry[]; complete: boolean } | undefined {
  const masked = m.masked();
  const close = closesStatement(line, masked, open);
  if (close < 0) return undefined;
  const entries: DispatchEntry[] = [];
  let complete = true;
  for (const [a, b] of splitTopLevel(masked, open + 1, close)) {
    const arg = masked.slice(a, b);
    if (arg.trim() === '') continue;
    const kw = /^(\s*)([A-Za-z_]\w*)\s*=(?!=)/.exec(arg);
    if (kw?.[2] && kw[1] !== undefined) entries.push(m.entryAt(kw[2], a + kw[1].length));
    else complete = false;
  }
  return { entries, complete };
}

/** `from .a.b import c as d, *` -> relative module files and names, for module-level imports. */
function relativeImports(m: SourceModule): ImportedName[] {
  const out: ImportedName[] = [];
  for (const line of m.lines()) {
    if (line.indent !== 0) continue;
    const head = /^from(\s*)(\.*)\s*([A-Za-z_][\w.]*(?:\s*\.\s*[A-Za-z_]\w*)*)?\s*import\b/.exec(line.masked);
    if (!head) continue;
    const dots = head[2] ?? '';
    const parts = (head[3] ?? '').split('.').map((p) => p.trim()).filter(Boolean);
    // A parser reads three dots as one Ellipsis token, not as dots: such an import names no module it knows.
    const modulePath = dots.length > 0 && dots.length < 3 && parts.length > 0 ? resolveRelative(m.path, dots.length, parts) : undefined;
    const namesFrom = line.start + head[0].length;
    const names = line.masked.slice(head[0].length);
    for (const n of names.matchAll(/\*|([A-Za-z_]\w*)(?:\s+as\s+([A-Za-z_]\w*))?/g)) {
      if (n[0] === '*') out.push({ modulePath, name: '*', alias: '*', offset: namesFrom + n.index });
      else if (n[1]) out.push({ modulePath, name: n[1], alias: n[2] ?? n[1], offset: namesFrom + n.index });
    }
  }
  return out;
}

/** Package-relative module -> file path inside the connector, `dots` = 1 for the importing file's package. */
function resolveRelative(fromPath: string, dots: number, parts: string[]): string | undefined {
  const dir = fromPath.split('/').slice(0, -1);
  const up = dots - 1;
  if (up > dir.length) return undefined;
  const base = dir.slice(0, dir.length - up);
  return [...base, ...parts].join('/') + '.py';
}

/** SDK template: builtins.py imports each operation module; an entry is an imported module that defines a
 * function of its own name (the template's dev_execute imports `<operation>.<operation>`). */
/** Modules the template imports next to the operations but never dispatches to. */
const NOT_OPERATIONS = new Set(['health_check', 'check_health', '_check_health', 'utils', 'constants']);

function moduleLayout(modules: Modules, builtins: SourceModule): Found {
  const entries: DispatchEntry[] = [];
  for (const imp of builtins.imports()) {
    const target = imp.modulePath ? modules.get(imp.modulePath) : undefined;
    if (!target) continue;
    const moduleName = imp.modulePath!.replace(/(\/__init__)?\.py$/, '').split('/').pop()!;
    const fnName = imp.name === '*' ? moduleName : imp.name;
    if (NOT_OPERATIONS.has(fnName) || !target.topLevelFunctions().has(fnName)) continue;
    entries.push(builtins.entryAt(imp.name === '*' ? moduleName : imp.alias, imp.offset));
  }
  return { layout: 'modules', file: builtins.path, entries, complete: true };
}
