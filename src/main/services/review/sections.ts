/** Sorting findings into the report's sections, the summary and the verdict. Validation findings whose
 * subject has its own section (icons, playbooks, requirements, descriptions) are shown there, so every
 * finding appears exactly once. */
import { compareFindings } from '../../../shared/connector/engine';
import { summarize, type Finding } from '../../../shared/connector/findings';
import type { ReviewFinding, ReviewSection, SectionId } from './types';

/** The Tests section's rule (coverage.ts); named here so sorting needs no file access. */
export const OPERATION_WITHOUT_TEST = 'operation-without-test';

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  validation: 'Validation',
  certification: 'Certification (Fortinet CI)',
  python: 'Python lint and syntax',
  security: 'Security',
  dependencies: 'Dependencies',
  documentation: 'Documentation',
  icons: 'Icons',
  playbooks: 'Playbooks',
  tests: 'Tests',
  compat: 'Compatibility',
};

const DOC_RULES = new Set(['connector-description', 'operation-description', 'field-description', 'description-too-short', 'tooltip-not-empty', 'help-online-domain']);

/** The section a finding belongs to, by source and then by rule id. */
export function sectionOf(f: ReviewFinding): SectionId {
  switch (f.source) {
    case 'ruff':
    case 'python':
    case 'pyright':
      return 'python';
    case 'security':
      return 'security';
    case 'deps':
      return 'dependencies';
    case 'docs':
      return 'documentation';
    case 'compat':
      return 'compat';
    case 'certification':
      return 'certification';
    case 'json':
      return 'validation';
    case 'rules':
    case 'schema':
      if (f.rule.startsWith('icon-')) return 'icons';
      if (f.rule.startsWith('playbook') || (f.rule.startsWith('ingestion-') && f.path.startsWith('playbooks/'))) return 'playbooks';
      if (f.rule.startsWith('requirements-')) return 'dependencies';
      if (f.rule === OPERATION_WITHOUT_TEST) return 'tests';
      return DOC_RULES.has(f.rule) ? 'documentation' : 'validation';
  }
}

// compareFindings reads only strings and numbers: the wider source type sorts the same way.
const sortReview = (list: ReviewFinding[]) => list.sort((a, b) => compareFindings(a as Finding, b as Finding));

export function buildSections(findings: readonly ReviewFinding[], withCompat: boolean, withCertification = false, withTests = false): ReviewSection[] {
  const ids = (Object.keys(SECTION_TITLES) as SectionId[]).filter((id) => (id !== 'compat' || withCompat) && (id !== 'certification' || withCertification) && (id !== 'tests' || withTests));
  return ids.map((id) => ({ id, title: SECTION_TITLES[id], findings: sortReview(findings.filter((f) => sectionOf(f) === id)) }));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "1 error, 2 warnings, 0 infos". */
export function countsLine({ errors, warnings, infos }: ReturnType<typeof summarize>): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
}

export const READY_TO_CERTIFY = 'Ready to certify';
export const NO_PROBLEMS = 'No problems found';

/** "Ready to certify" promises that Fortinet's CI passes: only a clean report that includes the certification
 * profile may say it. */
export function verdictOf(summary: ReturnType<typeof summarize>, certificationChecked = false): string {
  if (summary.errors > 0) return `Needs changes: ${plural(summary.errors, 'error')}`;
  if (summary.warnings > 0) return 'Acceptable with warnings';
  return certificationChecked ? READY_TO_CERTIFY : NO_PROBLEMS;
}

export const summarizeReview = (findings: readonly ReviewFinding[]) => summarize(findings as Finding[]);
