/** The finding shape shared by validate, review and the Problems panel (DESIGN.md, JSON shapes). */
export type Severity = 'error' | 'warning' | 'info';
/** `json`: info.json does not parse (one finding, from the JSON parser; no rule runs on it then). */
export type FindingSource = 'rules' | 'schema' | 'ruff' | 'pyright' | 'security' | 'compat' | 'python' | 'docs' | 'deps' | 'certification' | 'json';

export interface Finding {
  readonly rule: string;
  readonly source: FindingSource;
  readonly severity: Severity;
  readonly message: string;
  /** File relative to the connector folder, e.g. "info.json" or "operations.py". */
  readonly path: string;
  /** JSON pointer into the file, for JSON files. */
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
  /** What to do about it, in words. */
  readonly fix?: string;
  /** Certification findings: the method of Fortinet's CI (sanity_checks_utcs.py) that fails or warns on the
   * same thing, e.g. "verify_copyright_block". */
  readonly ciCheck?: string;
}

export interface ValidationReport {
  readonly connector: string;
  readonly version: string;
  readonly findings: Finding[];
  readonly summary: { errors: number; warnings: number; infos: number };
}

export function summarize(findings: readonly Finding[]): ValidationReport['summary'] {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}
