/** How the review panel shows a report: filters, counts, locations. Pure, so it is tested without React. */
import type { Finding, Severity } from '../../../../shared/connector/findings';
import type { ReviewReport, ReviewSection, SectionId } from '../../../../shared/models/review';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface ReportFilter {
  readonly severities: Readonly<Record<Severity, boolean>>;
  readonly section: SectionId | 'all';
}

export const NO_FILTER: ReportFilter = { severities: { error: true, warning: true, info: true }, section: 'all' };

/** The sections to show, each holding only the findings the filter lets through. Empty sections stay, so the
 * reviewer sees that a check ran and found nothing. */
export function visibleSections(report: ReviewReport, filter: ReportFilter): ReviewSection[] {
  return report.sections
    .filter((s) => filter.section === 'all' || s.id === filter.section)
    .map((s) => ({ ...s, findings: s.findings.filter((f) => filter.severities[f.severity]) }));
}

export const isFiltered = (filter: ReportFilter): boolean => filter.section !== 'all' || SEVERITIES.some((s) => !filter.severities[s]);

export function toggleSeverity(filter: ReportFilter, severity: Severity): ReportFilter {
  return { ...filter, severities: { ...filter.severities, [severity]: !filter.severities[severity] } };
}

export type Tone = 'error' | 'warning' | 'ok';

export function verdictTone(summary: ReviewReport['summary']): Tone {
  if (summary.errors > 0) return 'error';
  return summary.warnings > 0 ? 'warning' : 'ok';
}

export { countsText } from '../../../../shared/plural';

/** "operations.py:12:5", or "info.json › /operations/3/parameters/0" when only a pointer is known. */
export function locationOf(f: Finding): string {
  if (f.line !== undefined) return `${f.path}:${f.line}${f.column !== undefined ? `:${f.column}` : ''}`;
  return f.pointer ? `${f.path} › ${f.pointer}` : f.path;
}

/** Stable React keys: two findings of one rule at one place are one finding. */
export const findingKey = (f: Finding): string => `${f.source}|${f.rule}|${f.path}|${f.pointer ?? ''}|${f.line ?? ''}:${f.column ?? ''}|${f.message}`;

/** The compatibility section exists only when the report was made against another version. */
export const hasCompat = (report: ReviewReport): boolean => report.sections.some((s) => s.id === 'compat');
