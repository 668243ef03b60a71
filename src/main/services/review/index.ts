export { createReviewService, assembleReport, type ReviewService, type ReviewRunHooks } from './review-service';
export { escapeHtml, locationOf, renderReviewHtml, type HtmlOptions } from './html';
export { withConnector, type OpenedConnector } from './open-connector';
export { lintPython, ruffLinter, ruffVersion } from './ruff-node';
export type { PipCheck, ReviewFinding, ReviewOptions, ReviewReport, ReviewSection, ReviewSource, SectionId } from './types';
export { countsLine, sectionOf, verdictOf, SECTION_TITLES } from './sections';
