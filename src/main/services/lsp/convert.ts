/** LSP's shapes (0-based lines and characters, numeric kinds) to the contract's (1-based, named kinds). */
import type { LspCompletionItem, LspDiagnostic, LspRange, LspSeverity, LspSignatureHelp } from '../../../shared/ipc/contract';
import type { LspDiagnosticRaw } from './pyright-server';

interface Pos {
  line: number;
  character: number;
}
interface Range {
  start: Pos;
  end: Pos;
}
type Markup = string | { kind?: string; value: string } | { language: string; value: string };

const KINDS = [
  'text', 'method', 'function', 'constructor', 'field', 'variable', 'class', 'interface', 'module', 'property', 'unit', 'value', 'enum',
  'keyword', 'snippet', 'color', 'file', 'reference', 'folder', 'enumMember', 'constant', 'struct', 'event', 'operator', 'typeParameter',
];
const SEVERITIES: LspSeverity[] = ['error', 'warning', 'info', 'hint'];

export const toRange = (r: Range): LspRange => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });

/** The contract's 1-based position to LSP's. */
export const toPosition = (line: number, character: number): Pos => ({ line: line - 1, character: character - 1 });

export function markdownOf(m: Markup | Markup[] | undefined | null): string {
  if (!m) return '';
  if (Array.isArray(m)) return m.map(markdownOf).filter(Boolean).join('\n\n---\n\n');
  if (typeof m === 'string') return m;
  if ('language' in m) return `\`\`\`${m.language}\n${m.value}\n\`\`\``;
  return m.value;
}

export function toDiagnostic(d: LspDiagnosticRaw): LspDiagnostic {
  const r = toRange(d.range);
  return {
    line: r.startLine,
    column: r.startColumn,
    endLine: r.endLine,
    endColumn: r.endColumn,
    severity: SEVERITIES[(d.severity ?? 1) - 1] ?? 'error',
    message: d.message,
    rule: String(d.code ?? d.rule ?? 'pyright'),
    ...(d.tags?.includes(1) ? { unnecessary: true } : {}),
    ...(d.tags?.includes(2) ? { deprecated: true } : {}),
  };
}

interface RawCompletion {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: Markup;
  sortText?: string;
  filterText?: string;
  insertText?: string;
  textEdit?: { newText: string; range?: Range; insert?: Range };
}

export function toCompletionItem(c: RawCompletion): LspCompletionItem {
  const editRange = c.textEdit?.range ?? c.textEdit?.insert;
  const doc = markdownOf(c.documentation);
  return {
    label: c.label,
    kind: KINDS[(c.kind ?? 1) - 1] ?? 'text',
    insertText: c.textEdit?.newText ?? c.insertText ?? c.label,
    ...(c.detail ? { detail: c.detail } : {}),
    ...(doc ? { documentation: doc } : {}),
    ...(c.sortText ? { sortText: c.sortText } : {}),
    ...(c.filterText ? { filterText: c.filterText } : {}),
    ...(editRange ? { range: toRange(editRange) } : {}),
  };
}

export function toCompletionList(res: RawCompletion[] | { items?: RawCompletion[]; isIncomplete?: boolean } | null): { items: LspCompletionItem[]; incomplete: boolean } {
  if (!res) return { items: [], incomplete: false };
  const items = Array.isArray(res) ? res : (res.items ?? []);
  return { items: items.map(toCompletionItem), incomplete: !Array.isArray(res) && !!res.isIncomplete };
}

interface RawSignatureHelp {
  signatures?: { label: string; documentation?: Markup; parameters?: { label: string | [number, number]; documentation?: Markup }[]; activeParameter?: number }[];
  activeSignature?: number;
  activeParameter?: number;
}

export function toSignatureHelp(res: RawSignatureHelp | null): LspSignatureHelp | null {
  if (!res?.signatures?.length) return null;
  return {
    signatures: res.signatures.map((s) => ({
      label: s.label,
      ...(markdownOf(s.documentation) ? { documentation: markdownOf(s.documentation) } : {}),
      parameters: (s.parameters ?? []).map((p) => ({ label: p.label, ...(markdownOf(p.documentation) ? { documentation: markdownOf(p.documentation) } : {}) })),
      ...(s.activeParameter !== undefined ? { activeParameter: s.activeParameter } : {}),
    })),
    activeSignature: res.activeSignature ?? 0,
    activeParameter: res.activeParameter ?? 0,
  };
}
