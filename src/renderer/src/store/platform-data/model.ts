/** Pure reading of the simulated platform's snapshot and of what a call did to it: no store, no React. */
import type {
  PlatformFileSummary,
  PlatformRecordChange,
  PlatformRecordSummary,
  PlatformRunRef,
  PlatformSnapshot,
} from '../../../../shared/models/platform-data';
import type { CallEffects } from '../../../../shared/models/runtime';

/** A record or a file of the snapshot, found by its IRI. */
export type PlatformItem =
  | { readonly kind: 'record'; readonly record: PlatformRecordSummary }
  | { readonly kind: 'file'; readonly file: PlatformFileSummary };

export const isEmptySnapshot = (s: PlatformSnapshot | null): boolean =>
  !s || (s.modules.every((m) => m.total === 0) && s.totalFiles === 0 && s.ingested.length === 0);

export const recordCount = (s: PlatformSnapshot | null): number => (s ? s.modules.reduce((n, m) => n + m.total, 0) : 0);

/** IRIs compare without a trailing slash or a query: `/api/3/alerts/<uuid>/` and `/api/3/alerts/<uuid>` are one record. */
export const normalIri = (iri: string): string => iri.split('?')[0].replace(/\/+$/, '');

export function findItem(s: PlatformSnapshot | null, iri: string): PlatformItem | null {
  if (!s) return null;
  const want = normalIri(iri);
  for (const m of s.modules) {
    const record = m.records.find((r) => normalIri(r.iri) === want);
    if (record) return { kind: 'record', record };
  }
  const file = s.files.find((f) => normalIri(f.iri) === want);
  return file ? { kind: 'file', file } : null;
}

/** The module an IRI belongs to, from its path: `/api/3/attachments/<uuid>` -> `attachments`. */
export function moduleOfIri(iri: string): string | null {
  const m = /^\/api\/3\/([^/?#]+)\/[^/?#]+/.exec(normalIri(iri));
  return m ? m[1] : null;
}

/** What a run or a health check did to the platform; results from before the store existed carry nothing. */
export const changesOf = (result: CallEffects | object | undefined): readonly PlatformRecordChange[] =>
  (result as CallEffects | undefined)?.platformRecords ?? [];

/** One line per record: the last thing the call did to it (created then updated reads "created"; then deleted, "deleted"). */
export function netChanges(changes: readonly PlatformRecordChange[]): PlatformRecordChange[] {
  const byIri = new Map<string, PlatformRecordChange>();
  for (const c of changes) {
    const key = normalIri(c.iri);
    const before = byIri.get(key);
    const action = c.action === 'deleted' ? 'deleted' : before?.action === 'created' ? 'created' : c.action;
    byIri.set(key, { ...c, action });
  }
  return [...byIri.values()];
}

/** "2 created, 1 updated": the summary line of a run's records. */
export function changeSummary(changes: readonly PlatformRecordChange[]): string {
  const counts = { created: 0, updated: 0, deleted: 0 };
  for (const c of changes) counts[c.action]++;
  return (Object.keys(counts) as (keyof typeof counts)[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`).join(', ');
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** A date as the user's locale writes it; text that is no date stays as it is. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString([], { dateStyle: 'short', timeStyle: 'medium' });
}

/** "action attach_report of acme, 1/2/25, 10:00:00": the call that wrote a record. */
export function createdByText(by: PlatformRunRef | undefined): string {
  if (!by) return '';
  const name = by.operation ? ` ${by.operation}` : '';
  const what = by.kind === 'health' ? 'Check Health' : by.kind === 'hook' ? `hook${name}` : `action${name}`;
  return `${what}${by.connector ? ` of ${by.connector}` : ''}, ${formatWhen(by.startedAt)}`;
}

/** The IRI a record field points at: a string IRI, or an expanded object's `@id`. */
export function iriIn(value: unknown): string | null {
  if (typeof value === 'string') return value.startsWith('/api/3/') ? value : null;
  if (value && typeof value === 'object' && typeof (value as Record<string, unknown>)['@id'] === 'string') return iriIn((value as Record<string, unknown>)['@id']);
  return null;
}

/** The files a full record points at (an attachment's `file`), found in the snapshot. */
export function filesOfRecord(s: PlatformSnapshot | null, record: Record<string, unknown> | undefined): PlatformFileSummary[] {
  if (!s || !record) return [];
  const found: PlatformFileSummary[] = [];
  for (const v of Object.values(record)) {
    const iri = iriIn(v);
    const item = iri ? findItem(s, iri) : null;
    if (item?.kind === 'file' && !found.includes(item.file)) found.push(item.file);
  }
  return found;
}

/** A call ended in the Test view: a Test Actions run, a health check or a configuration hook (each may write records). */
export interface CallsInFlight {
  readonly runningId: string | null;
  readonly saving: boolean;
  /** Set after each configuration hook (save, delete, activate...). */
  readonly report: object | null;
  readonly health: Readonly<Record<string, { readonly running: boolean } | undefined>>;
}

export function callEnded(prev: CallsInFlight, next: CallsInFlight): boolean {
  if (prev.runningId && prev.runningId !== next.runningId) return true;
  if (prev.saving && !next.saving) return true;
  if (next.report && next.report !== prev.report) return true;
  if (prev.health === next.health) return false;
  return Object.entries(prev.health).some(([id, h]) => h?.running && !next.health[id]?.running);
}
