/** Python intelligence channels (pyright, services/lsp): open documents, completion, hover, definition, signatures. */
import type { Empty, InProject } from './common';

/** Python intelligence (pyright, services/lsp). Lines and characters are 1-based, as Monaco counts them;
 * characters are UTF-16 units. */
export type LspSeverity = 'error' | 'warning' | 'info' | 'hint';
export interface LspDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: LspSeverity;
  message: string;
  rule: string;
  /** Unused or unreachable code: shown faded. */
  unnecessary?: boolean;
  deprecated?: boolean;
}
export interface LspRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
type LspAt = InProject & { relPath: string; line: number; character: number };
type LspDoc = InProject & { relPath: string; text: string; version: number };
/** `kind`: an LSP completion kind in camelCase ("function", "class", "module", "enumMember"...). */
export interface LspCompletionItem {
  label: string;
  kind: string;
  insertText: string;
  detail?: string;
  documentation?: string;
  sortText?: string;
  filterText?: string;
  range?: LspRange;
}
/** A target outside the project (a framework stub, typeshed, site-packages) has `stub` and its `text`, read-only. */
export interface LspLocation {
  relPath: string;
  line: number;
  character: number;
  stub?: boolean;
  text?: string;
}
export interface LspSignatureHelp {
  signatures: { label: string; documentation?: string; parameters: { label: string | [number, number]; documentation?: string }[]; activeParameter?: number }[];
  activeSignature: number;
  activeParameter: number;
}

export interface LspChannels {
  /** Open Python files are synced to the project's pyright server; diagnostics come back as `lsp.diagnostics`. */
  'lsp.open': { req: LspDoc; res: Empty };
  'lsp.change': { req: LspDoc; res: Empty };
  'lsp.close': { req: InProject & { relPath: string }; res: Empty };
  'lsp.completion': { req: LspAt; res: { items: LspCompletionItem[]; incomplete: boolean } };
  'lsp.hover': { req: LspAt; res: { markdown: string; range?: LspRange } | null };
  'lsp.definition': { req: LspAt; res: LspLocation[] };
  'lsp.signatureHelp': { req: LspAt; res: LspSignatureHelp | null };
  /** Starts the project's language server ahead of the first Python file (diagnostics for every file). */
  'lsp.start': { req: InProject; res: Empty };
  /** Stops the project's language server (the window left the project). */
  'lsp.stop': { req: InProject; res: Empty };
}
