/** Monaco markers as findings (pure: no Monaco or store import, so it is tested in node). */
import type { Finding, FindingSource, Severity } from '../../../../shared/connector/findings';

/** The owner of the markers that show the connector's own findings in the editor. */
export const MARKER_OWNER = 'connector-studio';
const PREFIX = '/project/';
const KNOWN_SOURCES: ReadonlySet<string> = new Set<FindingSource>(['ruff', 'pyright', 'security', 'python']);

/** The marker fields this needs, so the conversion is tested without Monaco. */
export interface EditorMarker {
  readonly owner: string;
  readonly resource: { readonly path: string };
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
  readonly source?: string;
  readonly code?: string | { readonly value: string };
  readonly startLineNumber: number;
  readonly startColumn: number;
}

/** Monaco's JSON language service: its syntax markers on info.json repeat the one JSON finding the rule engine
 * makes of a broken info.json (several markers for one typo), so the list keeps only that one. */
const JSON_OWNER = 'json';

/**
 * Markers on files inside the connector folder, as findings with connector-relative paths; hints are left out
 * (they are faded text, not problems), and so are the connector's own findings shown as markers. `isOpen`: only
 * markers on files that still have a model count (Monaco keeps a closed file's markers).
 */
export function editorFindings(markers: readonly EditorMarker[], connectorRel: string, isOpen: (path: string) => boolean = () => true): Finding[] {
  const base = connectorRel ? `${PREFIX}${connectorRel}/` : PREFIX;
  const out: Finding[] = [];
  for (const m of markers) {
    if (m.owner === MARKER_OWNER || m.severity === 'hint' || !m.resource.path.startsWith(base) || !isOpen(m.resource.path)) continue;
    const path = m.resource.path.slice(base.length);
    if (m.owner === JSON_OWNER && path === 'info.json') continue;
    const source = (m.owner === JSON_OWNER ? 'json' : m.source && KNOWN_SOURCES.has(m.source) ? m.source : 'python') as FindingSource;
    const rule = typeof m.code === 'string' ? m.code : (m.code?.value ?? source);
    // Monaco shows "Fix: ..." as a second line of a marker; the panel has one line per problem.
    const message = m.message.split('\n')[0];
    out.push({ rule, source, severity: m.severity as Severity, message, path, line: m.startLineNumber, column: m.startColumn });
  }
  return out;
}

