/** Secrets written to logs (the server keeps connector logs readable by administrators and support bundles),
 * and HTTP calls without a timeout (a stuck vendor API then holds a playbook worker forever). */
import { children, descendants, stringValue, textOf, type PyModule, type SyntaxNode } from '../python/ast';
import type { CallSite } from './py-calls';
import { defineSecurityRule, type SecurityIssue } from './rule';
import { isSecretName } from './secret-names';

const LOG_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log']);
const LOGGER = /(^|\.)_?(log|logger|logging|_logger)$/i;
/** Wrapping a secret in these reveals nothing about its value. */
const HARMLESS = new Set(['len', 'bool', 'type', 'isinstance', 'hasattr', 'callable']);
/** The dict the server passes to every operation: logging it whole prints its password fields. */
const CONFIG_NAMES = new Set(['config', 'configuration', 'self.config', 'self._config']);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);

const isLogCall = (c: CallSite) =>
  c.method !== undefined && LOG_METHODS.has(c.method) && ((c.receiver !== undefined && LOGGER.test(c.receiver)) || c.name?.startsWith('logging.') === true);

// Lezer hands out fresh SyntaxNode objects on every walk: compare positions, never identities.
const same = (a: SyntaxNode | null | undefined, b: SyntaxNode) => a != null && a.from === b.from && a.to === b.to && a.name === b.name;

/** True when `node` is the object of a member access or subscript (`token` in `token.expiry`). */
const isReceiver = (node: SyntaxNode) => node.parent?.name === 'MemberExpression' && same(node.parent.firstChild, node);
const isKeywordName = (node: SyntaxNode) => node.nextSibling?.name === 'AssignOp' && node.parent?.name === 'ArgList';

function insideHarmless(m: PyModule, node: SyntaxNode, stop: SyntaxNode): boolean {
  for (let p = node.parent; p && !same(p, stop); p = p.parent)
    if (p.name === 'CallExpression' && p.firstChild?.name === 'VariableName' && HARMLESS.has(textOf(m, p.firstChild))) return true;
  return false;
}

/** What in a log call's arguments reads a secret: `config['password']`, `config.get('api_key')`, `token`,
 * `self.api_key`, or the whole configuration. */
function leakedSecret(m: PyModule, node: SyntaxNode): string | undefined {
  const kids = children(node);
  if (node.name === 'MemberExpression' && kids[1]?.name === '[') {
    const key = kids[2] && stringValue(m, kids[2]);
    return key !== undefined && isSecretName(key) ? textOf(m, node) : undefined;
  }
  if (node.name === 'MemberExpression' && kids[2]?.name === 'PropertyName' && !isReceiver(node)) {
    const text = textOf(m, node);
    return isSecretName(textOf(m, kids[2])) || CONFIG_NAMES.has(text) ? text : undefined;
  }
  if (node.name === 'CallExpression' && /\.get$/.test(textOf(m, kids[0] ?? node))) {
    const first = node.getChild('ArgList')?.getChild('String');
    const key = first ? stringValue(m, first) : undefined;
    return key !== undefined && isSecretName(key) ? textOf(m, node) : undefined;
  }
  if (node.name === 'VariableName' && !isReceiver(node) && !isKeywordName(node)) {
    const name = textOf(m, node);
    return isSecretName(name) || CONFIG_NAMES.has(name) ? name : undefined;
  }
  return undefined;
}

function* logLeaks(m: PyModule, calls: readonly CallSite[]): Generator<SecurityIssue> {
  for (const c of calls) {
    const args = isLogCall(c) ? c.node.getChild('ArgList') : null;
    if (!args) continue;
    for (const kind of ['MemberExpression', 'CallExpression', 'VariableName']) {
      for (const node of descendants(args, kind)) {
        const leak = leakedSecret(m, node);
        if (leak === undefined || insideHarmless(m, node, args)) continue;
        yield {
          node,
          message: `${c.receiver ?? 'logging'}.${c.method}() writes ${leak} to the connector log.`,
          fix: 'Log that a credential is set (or its length), never its value or the whole configuration.',
        };
      }
    }
  }
}

const isRequestsCall = (c: CallSite) =>
  c.method !== undefined &&
  HTTP_METHODS.has(c.method) &&
  ((c.name !== undefined && /^requests\.[a-z]+$/.test(c.name)) || (c.receiver !== undefined && (/session$/i.test(c.receiver) || /^requests\.[Ss]ession\(\)$/.test(c.receiver))));

export const secretLogRule = defineSecurityRule({
  id: 'secret-logged',
  severity: 'error',
  title: 'No secrets in logs',
  description: 'Connector logs are shown in the UI and collected in support bundles; a password or token logged there leaks.',
  check: ({ module, calls }, report) => {
    for (const i of logLeaks(module, calls)) report(i);
  },
});

export const timeoutRule = defineSecurityRule({
  id: 'request-without-timeout',
  severity: 'warning',
  title: 'HTTP requests set a timeout',
  description: 'requests waits forever by default; a vendor API that stops answering then blocks the playbook and a worker.',
  check: ({ calls }, report) => {
    for (const c of calls)
      if (isRequestsCall(c) && !c.args.keywords.has('timeout') && !c.args.spread)
        report({
          node: c.node,
          message: `${c.name ?? `${c.receiver}.${c.method}`}() has no timeout: it waits forever if the server stops answering.`,
          fix: 'Pass timeout=(connect, read) seconds, e.g. timeout=(10, 60), from a constant.',
        });
  },
});
