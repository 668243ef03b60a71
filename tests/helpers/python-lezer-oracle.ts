/** The dispatch reader and copyright check as they were, on full @lezer/python parses: the oracle that
 * python/scan.ts-based versions are held to (python/lezer-equivalence.test.ts). Not used by the app. */
/** Reads which operation names a connector's Python code can dispatch, from the three real layouts:
 *  1. a dict in operations.py (or any module connector.py imports it from): `operations = {'get_ip': get_ip}`;
 *  2. the SDK template: builtins.py imports one module per operation (`from .get_ip import *`), the operation
 *     name being the module/function name (or builtins.py holds a `supported_operations` dict);
 *  3. a dict inside connector.py (module level, class attribute or `self.x = {...}`).
 * The name looked up is taken from `execute()` (`X.get(operation)` / `X[operation]`) when possible. */
import { children, descendants, dottedName, parseModule, relativeImports, stringValue, textOf } from '../../src/shared/connector/python/ast';
import type { PyModule, SyntaxNode } from '../../src/shared/connector/python/ast';

interface DispatchEntry {
  readonly key: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

type DispatchResult =
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

class Modules {
  private readonly cache = new Map<string, PyModule | null>();
  constructor(private readonly files: Files) {}
  get(path: string): PyModule | undefined {
    if (!this.cache.has(path)) {
      const real = path in this.files ? path : path.replace(/\.py$/, '/__init__.py');
      const text = this.files[real];
      this.cache.set(path, text === undefined ? null : parseModule(real, text));
    }
    return this.cache.get(path) ?? undefined;
  }
}

export function readDispatchLezer(files: Files): DispatchResult {
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

/** Names used as `X.get(operation)` or `X[operation]` inside execute(). */
function lookedUpNames(m: PyModule): string[] {
  const names: string[] = [];
  for (const fn of descendants(m.top, 'FunctionDefinition')) {
    const nameNode = fn.getChild('VariableName');
    if (!nameNode || textOf(m, nameNode) !== 'execute') continue;
    const params = fn.getChild('ParamList');
    const positional = params ? params.getChildren('VariableName').map((p) => textOf(m, p)) : [];
    const opParam = positional[2] ?? 'operation';
    const body = fn.getChild('Body');
    if (body) collectLookups(m, body, opParam, names);
  }
  return [...new Set(names)];
}

function collectLookups(m: PyModule, body: SyntaxNode, opParam: string, out: string[]): void {
  const mentions = (n: SyntaxNode | null | undefined) =>
    !!n && descendants(n, 'VariableName').concat(n.name === 'VariableName' ? [n] : []).some((v) => textOf(m, v) === opParam);
  for (const call of descendants(body, 'CallExpression')) {
    const callee = call.firstChild;
    if (callee?.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName') continue;
    if (textOf(m, callee.lastChild) !== 'get' || !mentions(call.getChild('ArgList'))) continue;
    const target = callee.firstChild && dottedName(m, callee.firstChild);
    if (target) out.push(target);
  }
  for (const member of descendants(body, 'MemberExpression')) {
    const [object, open, index] = children(member);
    if (!object || open?.name !== '[' || !mentions(index)) continue;
    const target = dottedName(m, object);
    if (target) out.push(target);
  }
}

/** Finds what `name` is bound to, following relative imports (`from .funcs import operations`, `*`). */
function resolve(modules: Modules, m: PyModule, name: string, depth: number): Found | undefined {
  const local = findDict(m, (n) => n === name);
  if (local || depth > 3 || name.includes('.')) return local;
  for (const imp of relativeImports(m)) {
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

/** The first dict literal (or `dict(k=v)` call) assigned to a name accepted by `want`, at any depth. */
function findDict(m: PyModule, want: (name: string) => boolean): Found | undefined {
  for (const stmt of descendants(m.top, 'AssignStatement')) {
    const kids = children(stmt);
    const eq = kids.findIndex((k) => k.name === 'AssignOp');
    const value = kids[eq + 1];
    if (eq < 1 || eq !== kids.length - 2 || value === undefined) continue;
    const isDict = value.name === 'DictionaryExpression' || isDictCall(m, value);
    if (!isDict || !kids.slice(0, eq).some((t) => matches(m, t, want))) continue;
    const { entries, complete } = value.name === 'DictionaryExpression' ? dictEntries(m, value) : kwargEntries(m, value);
    return { layout: 'dict', file: m.path, entries, complete };
  }
  return undefined;
}

function matches(m: PyModule, target: SyntaxNode, want: (name: string) => boolean): boolean {
  const name = dottedName(m, target);
  if (name === undefined) return false;
  return want(name) || (name.startsWith('self.') && want(name.slice(5))) || want(`self.${name}`);
}

function isDictCall(m: PyModule, node: SyntaxNode): boolean {
  return node.name === 'CallExpression' && node.firstChild?.name === 'VariableName' && textOf(m, node.firstChild) === 'dict';
}

function entryAt(m: PyModule, key: string, node: SyntaxNode): DispatchEntry {
  return { key, file: m.path, ...m.lines.position(node.from) };
}

function dictEntries(m: PyModule, dict: SyntaxNode): { entries: DispatchEntry[]; complete: boolean } {
  const entries: DispatchEntry[] = [];
  let complete = true;
  let expectKey = true;
  for (const k of children(dict)) {
    if (k.name === 'Comment' || k.name === '{' || k.name === '}') continue;
    if (k.name === ',') expectKey = true;
    else if (k.name === ':' || k.name === '**') {
      expectKey = false;
      if (k.name === '**') complete = false;
    } else if (expectKey) {
      const key = stringValue(m, k);
      if (key === undefined) complete = false;
      else entries.push(entryAt(m, key, k));
      expectKey = false;
    }
  }
  return { entries, complete };
}

function kwargEntries(m: PyModule, call: SyntaxNode): { entries: DispatchEntry[]; complete: boolean } {
  const args = call.getChild('ArgList');
  const kids = args ? children(args).filter((k) => k.name !== 'Comment') : [];
  const entries: DispatchEntry[] = [];
  let complete = true;
  let previous = kids[0]?.name;
  // Between the parentheses; inner[j] is kids[j + 1], so the node after it is kids[j + 2].
  const inner = kids.slice(1, -1);
  for (const [j, k] of inner.entries()) {
    const startsArg = previous === '(' || previous === ',';
    previous = k.name;
    if (!startsArg || k.name === ',') continue;
    if (k.name === 'VariableName' && kids[j + 2]?.name === 'AssignOp') entries.push(entryAt(m, textOf(m, k), k));
    else complete = false;
  }
  return { entries, complete };
}

/** SDK template: builtins.py imports each operation module; an entry is an imported module that defines a
 * function of its own name (the template's dev_execute imports `<operation>.<operation>`). */
/** Modules the template imports next to the operations but never dispatches to. */
const NOT_OPERATIONS = new Set(['health_check', 'check_health', '_check_health', 'utils', 'constants']);

function moduleLayout(modules: Modules, builtins: PyModule): Found {
  const entries: DispatchEntry[] = [];
  for (const imp of relativeImports(builtins)) {
    const target = imp.modulePath ? modules.get(imp.modulePath) : undefined;
    if (!target) continue;
    const moduleName = imp.modulePath!.replace(/(\/__init__)?\.py$/, '').split('/').pop()!;
    const fnName = imp.name === '*' ? moduleName : imp.name;
    if (NOT_OPERATIONS.has(fnName) || !definesFunction(target, fnName)) continue;
    entries.push(entryAt(builtins, imp.name === '*' ? moduleName : imp.alias, imp.node));
  }
  return { layout: 'modules', file: builtins.path, entries, complete: true };
}

function definesFunction(m: PyModule, name: string): boolean {
  return children(m.top).some((s) => {
    const def = s.name === 'DecoratedStatement' ? s.getChild('FunctionDefinition') : s;
    const id = def?.name === 'FunctionDefinition' ? def.getChild('VariableName') : null;
    return !!id && textOf(m, id) === name;
  });
}


export function hasCopyrightHeaderLezer(path: string, text: string): boolean {
  const m = parseModule(path, text);
  let sawDocstring = false;
  for (let node = m.top.firstChild; node; node = node.nextSibling) {
    const isDocstring = node.name === 'ExpressionStatement' && node.firstChild?.name === 'String';
    if (node.name !== 'Comment' && (!isDocstring || sawDocstring)) return false;
    if (/copyright/i.test(m.text.slice(node.from, node.to))) return true;
    sawDocstring ||= isDocstring;
  }
  return false;
}
