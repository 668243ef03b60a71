/** Security analyzers for connector Python code, pure so the review (CLI, services) and the editor (renderer)
 * run the same checks. Each rule reads a @lezer/python tree; see the rule files for what they flag. */
import type { Finding } from '../findings';
import { parseModule } from '../python/ast';
import { credentialsRule } from './credentials';
import { deserializationRule, evalRule, shellRule } from './dangerous-calls';
import { secretLogRule, timeoutRule } from './logging-timeouts';
import { callSites, importAliases, indexNodes } from './py-calls';
import type { ModuleFacts, SecurityRule, SecurityRuleMeta } from './rule';
import { tlsRule } from './tls';

export type { SecurityRuleMeta } from './rule';
export { RUFF_SETTINGS, ruffFindings, type RuffDiagnostic, type RuffLinter } from './ruff';

export const securityRules: readonly SecurityRule[] = [tlsRule, credentialsRule, evalRule, shellRule, deserializationRule, secretLogRule, timeoutRule];

export const securityCatalogue: readonly SecurityRuleMeta[] = securityRules.map(({ id, severity, title, description }) => ({ id, severity, title, description }));

/** Findings for one Python file; `path` is relative to the connector folder. */
export function analyzePython(path: string, text: string, rules: readonly SecurityRule[] = securityRules): Finding[] {
  const module = parseModule(path, text);
  const index = indexNodes(module.top);
  const nodes = (type: Parameters<ModuleFacts['nodes']>[0]) => index.get(type) ?? [];
  const aliases = importAliases(module, nodes('ImportStatement'));
  const facts: ModuleFacts = { module, aliases, nodes, calls: callSites(module, aliases, nodes('CallExpression')) };
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    rule.check(facts, ({ node, message, fix }) => {
      const { line, column } = module.lines.position(node.from);
      const key = `${rule.id}:${node.from}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ rule: rule.id, source: 'security', severity: rule.severity, message, path, line, column, fix });
    });
  }
  return out.sort((a, b) => a.line! - b.line! || a.column! - b.column! || (a.rule < b.rule ? -1 : 1));
}

/** Findings for every .py file of a snapshot's file map, by path. */
export function analyzeFiles(files: Readonly<Record<string, string>>): Finding[] {
  return Object.entries(files)
    .filter(([p]) => p.endsWith('.py'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([p, text]) => analyzePython(p, text));
}
