/** A diagnostic the language server published, as the finding the command-line run reports for it (pyright-cli.ts
 * toFinding), so the review reads the same from either. Hints (unused or unreachable code, shown greyed in the
 * editor) are not findings: the command line does not report them. */
import type { Finding } from '../../../shared/connector/findings';
import type { LspDiagnosticRaw } from './pyright-server';

const SEVERITY: Record<number, Finding['severity']> = { 1: 'error', 2: 'warning', 3: 'info' };

/** `rel`: the file's path relative to the connector folder. */
export function lspFinding(d: LspDiagnosticRaw, rel: string): Finding[] {
  const severity = SEVERITY[d.severity ?? 1];
  if (!severity) return [];
  const rule = d.rule ?? (typeof d.code === 'string' ? d.code : undefined);
  return [
    {
      rule: rule ?? 'pyright',
      source: 'pyright',
      severity,
      message: d.message,
      path: rel,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      ...(rule ? { fix: `See https://microsoft.github.io/pyright/#/configuration?id=${rule}` } : {}),
    },
  ];
}
