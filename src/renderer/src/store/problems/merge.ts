/** Two sources of findings meet here: the services' report (whole folder: icons, Python, playbooks; refreshed
 * on open and save) and the rule engine run live on the info.json text in the editor (every keystroke). */
import { parseTree, type Node } from 'jsonc-parser';
import { compareFindings } from '../../../../shared/connector/engine';
import type { Finding, Severity } from '../../../../shared/connector/findings';
import type { Rule } from '../../../../shared/connector/rule';
import { allRules } from '../../../../shared/connector/rules/index';
import { INFO_JSON } from '../../../../shared/connector/snapshot';
import { locatePointer } from '../connector/document';

const INFO_ONLY_FAMILIES = new Set(['connector', 'configuration', 'operations', 'fields']);

/** Rules that read nothing but info.json (and the folder's name), so the live text is all they need. */
export const LIVE_RULES: readonly Rule[] = allRules.filter((r) => !r.code && (INFO_ONLY_FAMILIES.has(r.family) || r.id === 'icon-name-present'));
export const LIVE_RULE_IDS: ReadonlySet<string> = new Set([...LIVE_RULES.map((r) => r.id), 'info-json-parse']);

/** Rules comparing info.json with the Python dispatch: live too once the code has been read, so an operation
 * added in the form and its stub agree at once instead of after the next save. */
const DISPATCH_IDS = new Set(['operation-not-implemented', 'dispatch-key-unreachable', 'dispatch-entry-undeclared', 'dispatch-layout-unknown']);
export const DISPATCH_RULES: readonly Rule[] = allRules.filter((r) => DISPATCH_IDS.has(r.id));
export const LIVE_WITH_CODE_IDS: ReadonlySet<string> = new Set([...LIVE_RULE_IDS, ...DISPATCH_IDS]);

/**
 * The live findings replace what the services said about the same rules. When the live text does not parse, its
 * one JSON finding is all there is to say about info.json: every rule needs a parsed info.json, so what the
 * services' rules found (in any file: an operation's dispatch entry in operations.py too) describes a document
 * the editor no longer holds, and goes; only findings that do not come from info.json stay.
 */
export function mergeFindings(service: readonly Finding[], live: readonly Finding[] | null, liveIds: ReadonlySet<string> = LIVE_RULE_IDS): Finding[] {
  if (live === null) return [...service];
  const broken = live.some((f) => f.rule === 'info-json-parse');
  const fromInfoJson = (f: Finding) => f.path === INFO_JSON || f.source === 'rules' || f.source === 'schema' || f.source === 'json';
  const replaced = (f: Finding) => (f.source === 'rules' || f.source === 'json') && liveIds.has(f.rule);
  const kept = service.filter((f) => (broken ? !fromInfoJson(f) : !replaced(f)));
  return [...kept, ...live].sort(compareFindings);
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info') };
}

/** A stable key per finding for lists and selection. */
export const findingKey = (f: Finding): string => `${f.path}|${f.pointer ?? ''}|${f.line ?? ''}:${f.column ?? ''}|${f.rule}|${f.message}`;

export interface FileGroup {
  readonly path: string;
  readonly findings: readonly Finding[];
}

export function groupByFile(findings: readonly Finding[]): FileGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.path);
    if (list) list.push(f);
    else groups.set(f.path, [f]);
  }
  return [...groups].map(([path, list]) => ({ path, findings: list }));
}

/** Connector-relative finding path -> project-relative path (projects may nest the connector one level down). */
export const projectPath = (connectorRel: string, path: string): string => (connectorRel ? `${connectorRel}/${path}` : path);

export interface Span {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

class Lines {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  /** The column just past the line's last character. */
  endColumn(line: number): number {
    const start = this.starts[Math.min(line, this.starts.length) - 1];
    const next = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return next - start + 1;
  }
}

/**
 * Where each finding sits in its file's text (one parse for all). A pointer wins (info.json); a node that is
 * missing marks its parent's first line only; a line without a column marks the rest of the line.
 */
export function findingSpans(text: string, findings: readonly Finding[]): Span[] {
  const lines = new Lines(text);
  const tree = findings.some((f) => f.pointer !== undefined) ? parseTree(text) : undefined;
  return findings.map((f) => spanOf(text, f, lines, tree));
}

function spanOf(text: string, f: Finding, lines: Lines, tree: Node | undefined): Span {
  if (f.pointer !== undefined && f.line === undefined) {
    const at = locatePointer(text, f.pointer, tree);
    if (at) {
      const start = lines.position(at.offset);
      const end = lines.position(at.offset + at.length);
      if (at.exact && end.line === start.line) return { startLineNumber: start.line, startColumn: start.column, endLineNumber: end.line, endColumn: end.column };
      return { startLineNumber: start.line, startColumn: start.column, endLineNumber: start.line, endColumn: lines.endColumn(start.line) };
    }
  }
  const line = Math.max(1, f.line ?? 1);
  const column = Math.max(1, f.column ?? 1);
  return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: Math.max(column + 1, lines.endColumn(line)) };
}
