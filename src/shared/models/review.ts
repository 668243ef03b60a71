import type { Finding, ValidationReport } from '../connector/findings';

export type ReviewFinding = Finding;

export type SectionId = 'validation' | 'certification' | 'python' | 'security' | 'dependencies' | 'documentation' | 'icons' | 'playbooks' | 'tests' | 'compat';

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

/** A section while a review runs: not started, being checked, or finished with its counts. */
export type ReviewSectionState = 'pending' | 'running' | 'done';

export interface ReviewSectionProgress {
  readonly id: SectionId;
  readonly title: string;
  readonly state: ReviewSectionState;
  /** Set once the section is done. */
  readonly counts?: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /** How long the section's checks took, once done (the slowest check that feeds it). */
  readonly durationMs?: number;
}

/** Every section of a running review, in report order: sent whenever one of them changes state. */
export interface ReviewProgress {
  readonly sections: readonly ReviewSectionProgress[];
}
