/** The shape of a security rule: data (id, severity, words) plus a check over one parsed Python module. */
import type { Severity } from '../findings';
import type { PyModule, SyntaxNode } from '../python/ast';
import type { CallSite, IndexedNode } from './py-calls';

export interface SecurityRuleMeta {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  /** Why it matters to a reviewer. */
  readonly description: string;
}

/** What every rule reads, computed once per module. */
export interface ModuleFacts {
  readonly module: PyModule;
  readonly calls: readonly CallSite[];
  readonly aliases: ReadonlyMap<string, string>;
  /** Every node of a type, in source order (one walk of the tree serves all rules). */
  nodes(type: IndexedNode): readonly SyntaxNode[];
}

export interface SecurityIssue {
  readonly node: SyntaxNode;
  readonly message: string;
  readonly fix: string;
}

export interface SecurityRule extends SecurityRuleMeta {
  check(facts: ModuleFacts, report: (issue: SecurityIssue) => void): void;
}

export const defineSecurityRule = (rule: SecurityRule): SecurityRule => rule;
