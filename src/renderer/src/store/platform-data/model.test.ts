import { describe, expect, it } from 'vitest';
import type { PlatformRecordChange, PlatformSnapshot } from '../../../../shared/models/platform-data';
import {
  callEnded,
  changesOf,
  changeSummary,
  createdByText,
  filesOfRecord,
  findItem,
  formatBytes,
  iriIn,
  isEmptySnapshot,
  moduleOfIri,
  netChanges,
  recordCount,
  type CallsInFlight,
} from './model';

const FILE = '/api/3/files/f1';
const ATTACHMENT = '/api/3/attachments/a1';

const snapshot = (over: Partial<PlatformSnapshot> = {}): PlatformSnapshot => ({
  location: '/data/platform/p1',
  modules: [
    {
      module: 'attachments', type: 'Attachment', total: 1,
      records: [{ iri: ATTACHMENT, type: 'Attachment', module: 'attachments', uuid: 'a1', id: 1, displayName: 'report.txt', createdAt: '2026-01-02T10:00:00Z', modifiedAt: '2026-01-02T10:00:00Z' }],
    },
    { module: 'alerts', type: 'Alert', total: 3, records: [] },
  ],
  files: [{ iri: FILE, uuid: 'f1', id: 1, filename: 'report.txt', size: 12, mimeType: 'text/plain', createdAt: '2026-01-02T10:00:00Z' }],
  totalFiles: 1,
  ingested: [],
  ...over,
});

const EMPTY: PlatformSnapshot = { location: null, modules: [], files: [], totalFiles: 0, ingested: [] };
const change = (iri: string, action: PlatformRecordChange['action']): PlatformRecordChange => ({ iri, action, type: 'Alert', module: 'alerts' });

describe('reading a snapshot', () => {
  it('is empty with no records, files or ingested batches, and counts every module\'s total', () => {
    expect(isEmptySnapshot(null)).toBe(true);
    expect(isEmptySnapshot(EMPTY)).toBe(true);
    expect(isEmptySnapshot({ ...EMPTY, ingested: [{ playbook: 'p', count: 1, accepted: 1, skippedDuplicates: 0, dedupField: null, batchSize: 1, at: '' }] })).toBe(false);
    expect(isEmptySnapshot(snapshot())).toBe(false);
    expect(recordCount(snapshot())).toBe(4);
    expect(recordCount(null)).toBe(0);
  });

  it('finds a record or a file by IRI, with or without a trailing slash or query', () => {
    expect(findItem(snapshot(), ATTACHMENT)).toMatchObject({ kind: 'record', record: { uuid: 'a1' } });
    expect(findItem(snapshot(), `${ATTACHMENT}/?$relationships=true`)).toMatchObject({ kind: 'record' });
    expect(findItem(snapshot(), FILE)).toMatchObject({ kind: 'file', file: { filename: 'report.txt' } });
    expect(findItem(snapshot(), '/api/3/alerts/gone')).toBeNull();
    expect(findItem(null, FILE)).toBeNull();
  });

  it.each([
    [ATTACHMENT, 'attachments'],
    ['/api/3/alerts/x/', 'alerts'],
    ['/api/3/alerts', null],
    ['/api/wf/workflows/1', null],
  ])('moduleOfIri(%s)', (iri, module) => expect(moduleOfIri(iri)).toBe(module));

  it('follows a record\'s fields to the files it points at (an IRI or an expanded object)', () => {
    expect(iriIn(FILE)).toBe(FILE);
    expect(iriIn({ '@id': FILE, filename: 'x' })).toBe(FILE);
    expect(iriIn('report.txt')).toBeNull();
    expect(iriIn(42)).toBeNull();
    expect(filesOfRecord(snapshot(), { name: 'report.txt', file: FILE }).map((f) => f.filename)).toEqual(['report.txt']);
    expect(filesOfRecord(snapshot(), { file: { '@id': FILE }, also: FILE })).toHaveLength(1);
    expect(filesOfRecord(snapshot(), { file: '/api/3/files/unknown' })).toEqual([]);
  });

  it.each([[0, '0 B'], [1023, '1023 B'], [1024, '1.0 KB'], [15 * 1024, '15 KB'], [5 * 1024 * 1024, '5.0 MB'], [-1, '']])('formatBytes(%d)', (n, text) =>
    expect(formatBytes(n)).toBe(text));

  it('names the call that wrote a record', () => {
    expect(createdByText(undefined)).toBe('');
    expect(createdByText({ kind: 'execute', operation: 'attach_report', connector: 'acme', startedAt: 'not a date' })).toBe('action attach_report of acme, not a date');
    expect(createdByText({ kind: 'health', startedAt: 'x' })).toBe('Check Health, x');
    expect(createdByText({ kind: 'hook', operation: 'on_add_config', startedAt: 'x' })).toBe('hook on_add_config, x');
  });
});

describe('what a call did', () => {
  it('reads platformRecords from a run or health result, and nothing from one without', () => {
    const changes = [change('/api/3/alerts/1', 'created')];
    expect(changesOf({ status: 'Success', platformRecords: changes })).toBe(changes);
    expect(changesOf({ status: 'Available' })).toEqual([]);
    expect(changesOf(undefined)).toEqual([]);
  });

  it('lists each record once, with the last thing done to it; created then updated stays created', () => {
    const net = netChanges([
      change('/api/3/alerts/1', 'created'),
      change('/api/3/alerts/1/', 'updated'),
      change('/api/3/alerts/2', 'updated'),
      change('/api/3/alerts/3', 'created'),
      change('/api/3/alerts/3', 'deleted'),
    ]);
    expect(net.map((c) => [c.iri, c.action])).toEqual([
      ['/api/3/alerts/1/', 'created'],
      ['/api/3/alerts/2', 'updated'],
      ['/api/3/alerts/3', 'deleted'],
    ]);
    expect(changeSummary(net)).toBe('1 created, 1 updated, 1 deleted');
    expect(changeSummary([change('a', 'created'), change('b', 'created')])).toBe('2 created');
  });
});

describe('callEnded: when the Test view\'s state says a call finished', () => {
  const idle: CallsInFlight = { runningId: null, saving: false, report: null, health: {} };
  const report = { action: 'Add' };
  it.each<[string, CallsInFlight, CallsInFlight, boolean]>([
    ['a run ends', { ...idle, runningId: 'r1' }, idle, true],
    ['a run starts', idle, { ...idle, runningId: 'r1' }, false],
    ['a run is still going', { ...idle, runningId: 'r1' }, { ...idle, runningId: 'r1' }, false],
    ['a health check ends', { ...idle, health: { c1: { running: true } } }, { ...idle, health: { c1: { running: false } } }, true],
    ['a health check starts', { ...idle, health: { c1: { running: false } } }, { ...idle, health: { c1: { running: true } } }, false],
    ['a save ends', { ...idle, saving: true }, idle, true],
    ['a hook reports', idle, { ...idle, report }, true],
    ['the same report again', { ...idle, report }, { ...idle, report }, false],
    ['nothing changed', idle, idle, false],
  ])('%s', (_name, prev, next, ended) => expect(callEnded(prev, next)).toBe(ended));
});
