/** The shape of a rule: data (id, severity, words) plus one small check function. */
import type { Severity } from './findings';
import type { RuleContext } from './context';

export type RuleFamily =
  | 'document'
  | 'connector'
  | 'configuration'
  | 'operations'
  | 'fields'
  | 'assets'
  | 'playbooks'
  | 'requirements'
  | 'code';

export interface RuleMeta {
  /** Stable kebab-case id; tests, docs and suppressions refer to it. */
  readonly id: string;
  readonly severity: Severity;
  readonly family: RuleFamily;
  readonly title: string;
  /** Why the rule exists and who enforces it. */
  readonly description: string;
  /** Reads Python code: skipped with metadataOnly. */
  readonly code?: boolean;
}

/** One problem found by a rule. `path` defaults to info.json. */
export interface Issue {
  readonly message: string;
  readonly pointer?: string;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  readonly fix?: string;
}

export type Report = (issue: Issue) => void;

export interface Rule extends RuleMeta {
  check(ctx: RuleContext, report: Report): void;
}

export const defineRule = (rule: Rule): Rule => rule;
