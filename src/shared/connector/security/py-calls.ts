/** Calls, arguments and imports read from @lezer/python trees: what the security analyzers reason about.
 * A parser (not regexes) so that strings, comments and nesting never fool a check. */
import { children, descendants, dottedName, textOf, type PyModule, type SyntaxNode } from '../python/ast';

export interface CallArgs {
  readonly positional: readonly SyntaxNode[];
  readonly keywords: ReadonlyMap<string, SyntaxNode>;
  /** `*args` or `**kwargs`: any keyword may arrive through it. */
  readonly spread: boolean;
}

export interface CallSite {
  readonly node: SyntaxNode;
  /** The callee with import aliases resolved: `subprocess.run`, `requests.get`, `self.session.get`, `eval`. */
  readonly name: string | undefined;
  /** The last attribute of a member callee (`get` in `x().get`), else the plain name. */
  readonly method: string | undefined;
  /** What the method is called on, as written, without spaces (`self.session`, `requests.Session()`). */
  readonly receiver: string | undefined;
  readonly args: CallArgs;
}

/** The node types the analyzers look for, collected in one walk over the tree instead of one walk each. */
export const INDEXED = ['AssignStatement', 'ArgList', 'ParamList', 'DictionaryExpression', 'CallExpression', 'ImportStatement'] as const;
export type IndexedNode = (typeof INDEXED)[number];

export function indexNodes(top: SyntaxNode): ReadonlyMap<IndexedNode, SyntaxNode[]> {
  const wanted = new Set<string>(INDEXED);
  const index = new Map<IndexedNode, SyntaxNode[]>(INDEXED.map((n) => [n, []]));
  const cursor = top.cursor();
  do {
    if (wanted.has(cursor.name)) index.get(cursor.name as IndexedNode)!.push(cursor.node);
  } while (cursor.next());
  return index;
}

/** Local name -> imported dotted name: `import yaml as y` gives y -> yaml; `from os import system` gives
 * system -> os.system. Imports anywhere in the module count (connectors import inside functions too). */
export function importAliases(m: PyModule, statements: readonly SyntaxNode[] = descendants(m.top, 'ImportStatement')): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const stmt of statements) {
    const kids = children(stmt);
    if (kids[0]?.name === 'from') readFromImport(m, kids, aliases);
    else readPlainImport(m, kids.slice(1), aliases);
  }
  return aliases;
}

function readPlainImport(m: PyModule, kids: SyntaxNode[], aliases: Map<string, string>): void {
  let dotted: string[] = [];
  // One step past the end (k undefined) closes the last name.
  for (let i = 0; i <= kids.length; i++) {
    const k = kids[i];
    const alias = kids[i + 1];
    if (k?.name === 'VariableName') dotted.push(textOf(m, k));
    else if (k?.name === 'as' && alias) {
      aliases.set(textOf(m, alias), dotted.join('.'));
      dotted = [];
      i++;
    } else if (k === undefined || k.name === ',') {
      // `import a.b` binds `a`, and `a.b.c` then reads as written.
      const [top] = dotted;
      if (top !== undefined) aliases.set(top, top);
      dotted = [];
    }
  }
}

function readFromImport(m: PyModule, kids: SyntaxNode[], aliases: Map<string, string>): void {
  const at = kids.findIndex((k) => k.name === 'import');
  if (at < 0 || kids[1]?.name === '.') return;
  const module = kids.slice(1, at).filter((k) => k.name === 'VariableName').map((k) => textOf(m, k)).join('.');
  const names = kids.slice(at + 1);
  for (let i = 0; i < names.length; i++) {
    const node = names[i];
    if (node?.name !== 'VariableName') continue;
    const name = textOf(m, node);
    const alias = names[i + 1]?.name === 'as' ? names[i + 2] : undefined;
    const aliased = alias?.name === 'VariableName';
    aliases.set(alias && aliased ? textOf(m, alias) : name, `${module}.${name}`);
    if (aliased) i += 2;
  }
}

/** `y.load` with `y -> yaml` reads `yaml.load`. */
export function qualify(name: string, aliases: ReadonlyMap<string, string>): string {
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const real = aliases.get(head);
  return real === undefined ? name : real + (dot < 0 ? '' : name.slice(dot));
}

export function readArgs(m: PyModule, argList: SyntaxNode | null): CallArgs {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  let spread = false;
  if (!argList) return { positional, keywords, spread };
  let group: SyntaxNode[] = [];
  const flush = () => {
    const [first, second, value] = group;
    if (first?.name === '*' || first?.name === '**') spread = true;
    else if (first?.name === 'VariableName' && second?.name === 'AssignOp' && value) keywords.set(textOf(m, first), value);
    else if (first) positional.push(first);
    group = [];
  };
  for (const k of children(argList)) {
    if (k.name === '(' || k.name === ')') continue;
    if (k.name === ',') flush();
    else group.push(k);
  }
  flush();
  return { positional, keywords, spread };
}

export function callSites(
  m: PyModule,
  aliases: ReadonlyMap<string, string> = importAliases(m),
  nodes: readonly SyntaxNode[] = descendants(m.top, 'CallExpression'),
): CallSite[] {
  return nodes.map((node) => {
    const callee = node.firstChild;
    const written = callee ? dottedName(m, callee) : undefined;
    const member = callee?.name === 'MemberExpression' ? children(callee) : [];
    const [receiver, , property] = member;
    const prop = member.length === 3 && property?.name === 'PropertyName' ? textOf(m, property) : undefined;
    return {
      node,
      name: written === undefined ? undefined : qualify(written, aliases),
      method: prop ?? (callee?.name === 'VariableName' ? textOf(m, callee) : undefined),
      receiver: prop === undefined || !receiver ? undefined : textOf(m, receiver).replace(/\s+/g, ''),
      args: readArgs(m, node.getChild('ArgList')),
    };
  });
}

/** True for the literal `False` (and `0`, which requests treats the same). */
export const isFalse = (m: PyModule, n: SyntaxNode | undefined): boolean =>
  n !== undefined && ((n.name === 'Boolean' && textOf(m, n) === 'False') || (n.name === 'Number' && textOf(m, n) === '0'));

export const isTrue = (m: PyModule, n: SyntaxNode | undefined): boolean => n?.name === 'Boolean' && textOf(m, n) === 'True';
