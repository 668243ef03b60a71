import type { Finding, ValidationReport } from '../connector/findings';

export type ReviewFinding = Finding;

export type SectionId = 'validation' | 'certification' | 'python' | 'security' | 'dependencies' | 'documentation' | 'icons' | 'playbooks' | 'compat';

export interface ReviewSection {
  readonly id: SectionId;
  readonly title: string;
  readonly findings: ReviewFinding[];
}

/** The review report: validate's JSON shape plus sections and a verdict (DESIGN.md, JSON shapes). */
export interface ReviewReport extends Omit<ValidationReport, 'findings'> {
  /** Every section's findings, in section order. */
  readonly findings: ReviewFinding[];
  readonly sections: ReviewSection[];
  /** "Ready to certify" (only when the certification profile ran and the whole report is clean), "No problems
   * found" (clean, certification not checked), "Acceptable with warnings" or "Needs changes: N errors". */
  readonly verdict: string;
  /** Whether the report includes the certification profile (its Certification section). */
  readonly certificationChecked?: boolean;
}
