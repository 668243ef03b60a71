/** TLS verification switched off in code. `verify=self.verify_ssl` is the user's choice through the Verify SSL
 * setting and is fine; only literals (`verify=False`, `session.verify = False`, CERT_NONE) are flagged. */
import { children, dottedName, type PyModule, type SyntaxNode } from '../python/ast';
import { isFalse, qualify } from './py-calls';
import { defineSecurityRule, type ModuleFacts, type SecurityIssue } from './rule';

const FIX = "Pass the configuration's Verify SSL value (verify=config.get('verify_ssl', True)) instead of a literal.";

function* verifyKeywords({ module, calls }: ModuleFacts): Generator<SecurityIssue> {
  for (const call of calls) {
    const value = call.args.keywords.get('verify');
    if (isFalse(module, value))
      yield { node: value!, message: `${call.name ?? call.method ?? 'This call'}(verify=False) turns TLS certificate verification off for every user, whatever the Verify SSL setting says.`, fix: FIX };
  }
}

/** `x.verify = False`, `ctx.check_hostname = False`, `ctx.verify_mode = ssl.CERT_NONE`. */
function* assignments({ module: m, aliases, nodes }: ModuleFacts): Generator<SecurityIssue> {
  for (const stmt of nodes('AssignStatement')) {
    const kids = children(stmt);
    const value = kids.at(-1);
    if (!value) continue;
    for (const target of kids.slice(0, -1)) {
      const name = target.name === 'MemberExpression' ? dottedName(m, target) : undefined;
      const attr = name?.split('.').pop();
      if ((attr === 'verify' || attr === 'check_hostname') && isFalse(m, value))
        yield { node: value, message: `${name} = False turns TLS certificate verification off for every user.`, fix: FIX };
      if (attr === 'verify_mode' && isCertNone(m, value, aliases))
        yield { node: value, message: `${name} = CERT_NONE accepts any certificate.`, fix: 'Keep ssl.CERT_REQUIRED; load a custom CA with load_verify_locations() if the server needs one.' };
    }
  }
}

function isCertNone(m: PyModule, node: SyntaxNode, aliases: ReadonlyMap<string, string>): boolean {
  const name = dottedName(m, node);
  return name !== undefined && qualify(name, aliases) === 'ssl.CERT_NONE';
}

function* unverifiedContexts({ calls }: ModuleFacts): Generator<SecurityIssue> {
  for (const call of calls)
    if (call.name === 'ssl._create_unverified_context')
      yield { node: call.node, message: 'ssl._create_unverified_context() accepts any certificate.', fix: 'Use ssl.create_default_context() and honour the Verify SSL setting.' };
}

export const tlsRule = defineSecurityRule({
  id: 'tls-verify-disabled',
  severity: 'error',
  title: 'TLS verification is not disabled in code',
  description: 'Certificate checks must follow the Verify SSL configuration field; a literal False exposes every user to interception.',
  check(facts, report) {
    for (const gen of [verifyKeywords, assignments, unverifiedContexts]) for (const issue of gen(facts)) report(issue);
  },
});
