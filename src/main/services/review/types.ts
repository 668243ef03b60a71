/** The review report: validate's JSON shape plus sections and a verdict (DESIGN.md, JSON shapes). */
import type { Finding, FindingSource, ValidationReport } from '../../../shared/connector/findings';

/** Review adds two sources to validate's. (`docs` and `deps` belong in FindingSource; until they are there,
 * review widens the type here.) */
export type ReviewSource = FindingSource | 'docs' | 'deps';

export type ReviewFinding = Omit<Finding, 'source'> & { readonly source: ReviewSource };

export type SectionId = 'validation' | 'python' | 'security' | 'dependencies' | 'documentation' | 'icons' | 'playbooks' | 'compat';

export interface ReviewSection {
  readonly id: SectionId;
  readonly title: string;
  readonly findings: ReviewFinding[];
}

export interface ReviewReport extends Omit<ValidationReport, 'findings'> {
  /** Every section's findings, in section order. */
  readonly findings: ReviewFinding[];
  readonly sections: ReviewSection[];
  /** "Ready to certify", "Acceptable with warnings" or "Needs changes: N errors". */
  readonly verdict: string;
}

export interface PipCheck {
  readonly ok: boolean;
  /** pip's reason when it failed. */
  readonly message?: string;
  /** Python or pip itself is missing: nothing was checked. */
  readonly unavailable?: boolean;
}

export interface ReviewOptions {
  /** A folder, a .tgz or `git:<revision>` of the reviewed project: adds the compatibility section. */
  readonly against?: string;
  /** Try `pip download` for every requirement (needs Python and the package index). */
  readonly checkInstall?: boolean;
  /** Replaces the pip call (tests, or a configured interpreter). */
  readonly pipDownload?: (requirement: string) => Promise<PipCheck>;
}
