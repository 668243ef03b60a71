/** The rule engine: a pure function from a connector snapshot to findings. Runs in services and renderer. */
import { summarize, type Finding, type Severity, type ValidationReport } from './findings';
import type { InfoJson } from './info-json';
import { buildContext } from './context';
import type { Issue, Rule, RuleMeta } from './rule';
import { allRules, infoJsonParse } from './rules/index';
import { INFO_JSON, type ConnectorSnapshot } from './snapshot';
import { jsonErrorPosition } from './text-position';

export type { ConnectorSnapshot } from './snapshot';

export interface EngineOptions {
  /** Run only these rules (default: all). */
  readonly rules?: readonly Rule[];
}

/** Everything the engine can report, for the UI and docs. */
export const ruleCatalogue: readonly RuleMeta[] = [infoJsonParse, ...allRules].map(
  ({ id, severity, family, title, description, code }) => ({ id, severity, family, title, description, ...(code ? { code } : {}) }),
);

export type InfoJsonRead = { ok: true; info: InfoJson } | { ok: false; finding: Finding };

export function readInfoJson(snapshot: ConnectorSnapshot): InfoJsonRead {
  const text = snapshot.files[INFO_JSON];
  // The JSON parser's finding, not a rule's: the editor shows it as the one problem of a broken info.json.
  const fail = (message: string, pos?: { line: number; column: number }): InfoJsonRead => ({
    ok: false,
    finding: { ...toFinding(infoJsonParse, { message, ...pos }), source: 'json' },
  });
  if (text === undefined) return fail('info.json is missing: every connector folder needs one at its top level.');
  if (text.charCodeAt(0) === 0xfeff) return fail('info.json starts with a byte order mark: save it as UTF-8 without BOM.', { line: 1, column: 1 });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    return fail(`info.json is not valid JSON (${message}): fix the syntax.`, jsonErrorPosition(text, message));
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return fail('info.json must hold one JSON object { ... }.');
  return { ok: true, info: doc as InfoJson };
}

export interface EngineRun {
  /** Sorted findings. */
  readonly findings: Finding[];
  /** The parsed info.json when it parsed, so callers (schema check, report) need not parse it again. */
  readonly info: InfoJson | undefined;
}

export function runEngine(snapshot: ConnectorSnapshot, opts: EngineOptions = {}): EngineRun {
  const read = readInfoJson(snapshot);
  if (!read.ok) return { findings: [read.finding], info: undefined };
  const ctx = buildContext(snapshot, read.info);
  const findings: Finding[] = [];
  for (const rule of opts.rules ?? allRules) {
    if (rule.code && snapshot.metadataOnly) continue;
    rule.check(ctx, (issue) => findings.push(toFinding(rule, issue)));
  }
  return { findings: sortFindings(findings), info: read.info };
}

export function validateSnapshot(snapshot: ConnectorSnapshot, opts: EngineOptions = {}): Finding[] {
  return runEngine(snapshot, opts).findings;
}

/** Keys in the order of DESIGN.md's JSON shape; absent optional keys are left out, not undefined. */
function toFinding(rule: RuleMeta, issue: Issue): Finding {
  const f: { -readonly [K in keyof Finding]: Finding[K] } = {
    rule: rule.id,
    source: 'rules',
    severity: rule.severity,
    message: issue.message,
    path: issue.path ?? INFO_JSON,
  };
  if (issue.pointer !== undefined) f.pointer = issue.pointer;
  if (issue.line !== undefined) f.line = issue.line;
  if (issue.column !== undefined) f.column = issue.column;
  if (issue.fix !== undefined) f.fix = issue.fix;
  return f;
}

/** The report shape of DESIGN.md for a snapshot and its findings. */
export function buildReport(snapshot: ConnectorSnapshot, findings: Finding[], parsed?: InfoJson): ValidationReport {
  const read = parsed ? undefined : readInfoJson(snapshot);
  const info: InfoJson = parsed ?? (read?.ok ? read.info : {});
  return {
    connector: typeof info.name === 'string' ? info.name : snapshot.folderName,
    version: typeof info.version === 'string' ? info.version : '',
    findings,
    summary: summarize(findings),
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Deterministic order: file, then position (pointer tokens compare numerically), then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.path, b.path) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    comparePointers(a.pointer ?? '', b.pointer ?? '') ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.rule, b.rule) ||
    cmp(a.source, b.source) ||
    cmp(a.message, b.message)
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function comparePointers(a: string, b: string): number {
  if (a === b) return 0;
  const ta = a.split('/');
  const tb = b.split('/');
  for (const [i, pa] of ta.entries()) {
    const pb = tb[i];
    if (pb === undefined) break;
    if (pa === pb) continue;
    if (/^\d+$/.test(pa) && /^\d+$/.test(pb)) return Number(pa) - Number(pb);
    return cmp(pa, pb);
  }
  return ta.length - tb.length;
}
