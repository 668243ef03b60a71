export { createPlaybooksService, type GenerateSamplesResult, type PlaybooksService } from './playbooks-service';
export { addSamplePlaybooks, visibleActions, type GenerateResult } from './generate';
export { listPlaybooks, type PlaybookList, type PlaybookStep, type PlaybookSummary } from './list';
export { samplePlaybook, stepParams, type NewId } from './sample';
