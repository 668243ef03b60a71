export { createDocsService, formatForFile, type DocsFormat, type DocsService } from './docs-service';
export { buildConnectorDoc, type ActionDoc, type ConnectorDoc, type FieldRow, type PlaybookDoc } from './doc-model';
export { renderMarkdown } from './markdown';
export { renderHtml } from './html';
