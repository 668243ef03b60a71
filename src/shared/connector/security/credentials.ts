/** Credentials written into the code: string literals under secret names (assignments, keyword arguments,
 * parameter defaults, dict entries), literal Authorization headers and literal basic-auth tuples. */
import { children, dottedName, stringValue, type PyModule, type SyntaxNode } from '../python/ast';
import { credentialPart, isAuthHeader, isSecretName, looksLikeNonSecret } from './secret-names';
import { defineSecurityRule, type ModuleFacts, type SecurityIssue } from './rule';

const FIX = 'Add a configuration field of type password and read it from config at run time.';

/** A secret literal: a plain string (not an f-string or expression) that does not look like a key name. */
function secretLiteral(m: PyModule, node: SyntaxNode | undefined): string | undefined {
  const v = node ? stringValue(m, node) : undefined;
  return v !== undefined && !looksLikeNonSecret(v) ? v : undefined;
}

const issue = (node: SyntaxNode, what: string): SecurityIssue => ({ node, message: `${what} is hard-coded: anyone with the package can read it.`, fix: FIX });

/** The name a target or dict key stands for: `x`, `self.x`, `headers['X']` (the key), `'X'` (a dict key). */
function targetName(m: PyModule, node: SyntaxNode): string | undefined {
  if (node.name === 'String') return stringValue(m, node);
  const dotted = dottedName(m, node);
  if (dotted !== undefined) return dotted;
  const kids = node.name === 'MemberExpression' ? children(node) : [];
  return kids[1]?.name === '[' && kids[2] ? stringValue(m, kids[2]) : undefined;
}

function check(m: PyModule, nameNode: SyntaxNode, value: SyntaxNode | undefined): SecurityIssue | undefined {
  const name = targetName(m, nameNode);
  if (name === undefined || value === undefined) return undefined;
  if (isAuthHeader(name)) {
    const v = stringValue(m, value);
    return v !== undefined && credentialPart(v).length >= 3 && !/\{|%s/.test(v) ? issue(value, `The ${name} header value`) : undefined;
  }
  return isSecretName(name) && secretLiteral(m, value) !== undefined ? issue(value, `The value of ${name}`) : undefined;
}

function* assignments(m: PyModule, statements: readonly SyntaxNode[]): Generator<SecurityIssue | undefined> {
  for (const stmt of statements) {
    const kids = children(stmt);
    const value = kids[kids.length - 1];
    for (const t of kids.slice(0, -1)) if (t.name === 'VariableName' || t.name === 'MemberExpression') yield check(m, t, value);
  }
}

/** `name=value` pairs in argument and parameter lists. */
function* keywordPairs(m: PyModule, list: SyntaxNode): Generator<SecurityIssue | undefined> {
  const kids = children(list);
  for (const [i, name] of kids.entries()) {
    const [before, op, value] = [kids[i - 1], kids[i + 1], kids[i + 2]];
    if (name.name === 'VariableName' && op?.name === 'AssignOp' && value && (before === undefined || before.name === ',' || before.name === '('))
      yield check(m, name, value);
  }
}

function* dictEntries(m: PyModule, dicts: readonly SyntaxNode[]): Generator<SecurityIssue | undefined> {
  for (const dict of dicts) {
    const kids = children(dict);
    for (const [i, key] of kids.entries()) {
      const [colon, value] = [kids[i + 1], kids[i + 2]];
      if (key.name === 'String' && colon?.name === ':' && value) yield check(m, key, value);
    }
  }
}

/** `auth=('user', 'password')`: requests' basic auth with both parts written in. */
function* authTuples({ module: m, calls }: ModuleFacts): Generator<SecurityIssue | undefined> {
  for (const call of calls) {
    const auth = call.args.keywords.get('auth');
    const parts = auth?.name === 'TupleExpression' ? children(auth).filter((k) => k.name !== '(' && k.name !== ')' && k.name !== ',') : [];
    if (parts.length === 2 && parts.every((p) => stringValue(m, p) !== undefined) && secretLiteral(m, parts[1]) !== undefined)
      yield issue(auth!, 'The basic-auth password in auth=(...)');
  }
}

export const credentialsRule = defineSecurityRule({
  id: 'hardcoded-credential',
  severity: 'error',
  title: 'No credentials or tokens in the code',
  description: 'Passwords, API keys and tokens belong in password-type configuration fields, never in the package.',
  check(facts, report) {
    const { module: m, nodes } = facts;
    const lists = [...nodes('ArgList'), ...nodes('ParamList')];
    const all = [assignments(m, nodes('AssignStatement')), dictEntries(m, nodes('DictionaryExpression')), authTuples(facts), ...lists.map((l) => keywordPairs(m, l))];
    for (const gen of all) for (const found of gen) if (found) report(found);
  },
});
