export { certificationCatalogue, certificationFindings, type CertificationInput, type CertificationRuleMeta } from './checks';
export { CI_COPYRIGHT_HOLDER, CI_OWN_SCRIPTS, ciCopyrightBlock, hasCiCopyrightBlock } from './ci-lists';
export { createProseChecker, correctedText, type ProseChecker, type ProseIssue, type Speller } from './prose';
export { SECURITY_VOCABULARY } from './vocabulary';
