/** The review report's shapes live in src/shared/models/review.ts so the UI's panel uses them too. */
export type { ReviewFinding, ReviewReport, ReviewSection, SectionId } from '../../../shared/models/review';
export type ReviewSource = import('../../../shared/connector/findings').FindingSource;

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
  /** Check for certification: add the certification profile (Fortinet's CI, check by check) as a section. The
   * verdict says "Ready to certify" only with it. */
  readonly certification?: boolean;
  /** Certification: the year the copyright block must carry (default: the current year). */
  readonly year?: number;
  /** Certification: the repository whose .py files the CI checks, when the reviewed path is the connector
   * folder inside it (default: the reviewed folder). */
  readonly repositoryRoot?: string;
  /** Replaces the pip call (tests, or a configured interpreter). */
  readonly pipDownload?: (requirement: string) => Promise<PipCheck>;
}
