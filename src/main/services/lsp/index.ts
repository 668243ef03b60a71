export { createLspService, type LspService, type LspServiceDeps } from './lsp-service';
export { pyrightFindings, type PyrightCliOptions } from './pyright-cli';
export { defaultStubsDir } from './pyright-settings';
