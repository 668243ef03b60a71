export { createPlaybooksService, type GenerateSamplesResult, type PlaybooksService } from './playbooks-service';
export { addSamplePlaybooks, visibleActions, type GenerateResult } from './generate';
export { listPlaybooks, type PlaybookList, type PlaybookStep, type PlaybookSummary } from '../../../shared/connector/playbooks';
export { samplePlaybook, stepParams, type NewId } from './sample';
