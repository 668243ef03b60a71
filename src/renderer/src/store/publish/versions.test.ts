import { describe, expect, it } from 'vitest';
import type { CompatReport } from '../../../../shared/connector/compat/types';
import type { TagInfo } from '../../../../shared/models/git';
import type { PreflightResult } from '../../../../shared/models/publish';
import { compatSummary, loadVersions } from './versions';

const tag = (name: string): TagInfo => ({ name, sha: name, annotated: true, message: '' });
const pre = (local: string, installed: string[]): PreflightResult => ({
  connector: { name: 'x', version: local },
  archive: { fileName: 'x.tgz', bytes: 10, sha256: 'ab' },
  validation: { connector: 'x', version: local, findings: [], summary: { errors: 0, warnings: 0, infos: 0 } },
  importProblems: [],
  blocked: false,
  installed: installed.map((version, i) => ({ id: i + 1, version, configurations: [] })),
});
const report = (old: string, o: Partial<CompatReport> = {}): CompatReport => ({ old, new: 'working tree', changes: [], breaking: false, suggestedVersion: '1.0.0', releaseNotes: '', ...o });
const change = (breaking: boolean) => ({ kind: 'operation-removed' as never, path: 'operations/a', breaking, message: 'm' });

/** A fake versions.compare that records what it was asked. */
function fakeCompare(reports: Record<string, CompatReport | Error>) {
  const asked: string[] = [];
  const compare = async (old: string) => {
    asked.push(old);
    const r = reports[old];
    if (r instanceof Error) throw r;
    return r ?? null;
  };
  return { asked, compare };
}

describe('loadVersions: local, last tag and installed', () => {
  it('compares the local copy with the last tag and with the installed version when both are tagged', async () => {
    const f = fakeCompare({ 'git:v1.1.0': report('v1.1.0', { changes: [change(false)], suggestedVersion: '1.2.0' }), 'git:v1.0.0': report('v1.0.0', { changes: [change(true)], breaking: true, suggestedVersion: '2.0.0' }) });
    const v = await loadVersions([tag('v1.0.0'), tag('v1.1.0'), tag('nightly')], pre('1.2.0', ['1.0.0']), f.compare);
    expect(v.lastTag).toBe('v1.1.0');
    expect(v.againstLastTag).toMatchObject({ tag: 'v1.1.0', report: { old: 'v1.1.0', suggestedVersion: '1.2.0' } });
    expect(v.againstInstalled).toMatchObject({ version: '1.0.0', report: { old: 'v1.0.0', breaking: true } });
    expect(f.asked.sort()).toEqual(['git:v1.0.0', 'git:v1.1.0']);
  });

  it('asks once when the last tag is the installed version', async () => {
    const f = fakeCompare({ 'git:v1.0.0': report('v1.0.0') });
    const v = await loadVersions([tag('v1.0.0')], pre('1.0.1', ['1.0.0']), f.compare);
    expect(f.asked).toEqual(['git:v1.0.0']);
    expect(v.againstLastTag?.report).toBe(v.againstInstalled?.report);
  });

  it('has the last-tag report without an installed version, and none without tags', async () => {
    const f = fakeCompare({ 'git:v2.0.0': report('v2.0.0') });
    expect(await loadVersions([tag('v2.0.0')], pre('2.0.0', []), f.compare)).toEqual({ lastTag: 'v2.0.0', againstLastTag: { tag: 'v2.0.0', report: report('v2.0.0') } });
    expect(await loadVersions([], pre('2.0.0', ['1.0.0']), f.compare)).toEqual({ lastTag: undefined });
    expect(f.asked).toEqual(['git:v2.0.0']);
  });

  it('leaves out the installed report when its version has no tag here, and a report that fails to load', async () => {
    const f = fakeCompare({ 'git:v1.1.0': new Error('cannot read the tag') });
    expect(await loadVersions([tag('v1.1.0')], pre('1.2.0', ['0.9.0']), f.compare)).toEqual({ lastTag: 'v1.1.0' });
  });
});

describe('compatSummary', () => {
  it.each([
    ['no changes', report('v1'), '1.0.0', 'Against the last tag v1: no changes.'],
    ['one change', report('v1', { changes: [change(false)], suggestedVersion: '1.1.0' }), '1.1.0', 'Against the last tag v1: 1 change, none breaking; suggested version 1.1.0.'],
    [
      'a breaking change the local version does not follow',
      report('v1', { changes: [change(true), change(false)], breaking: true, suggestedVersion: '2.0.0' }),
      '1.1.0',
      'Against the last tag v1: 2 changes, breaking; suggested version 2.0.0 (the local version is 1.1.0).',
    ],
  ])('%s', (_n, r, local, expected) => expect(compatSummary('the last tag v1', r, local)).toBe(expected));
});
