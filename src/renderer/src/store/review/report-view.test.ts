import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/connector/findings';
import type { ReviewReport } from '../../../../shared/models/review';
import { NO_FILTER, countsText, findingKey, hasCompat, isFiltered, locationOf, toggleSeverity, verdictTone, visibleSections } from './report-view';

const f = (over: Partial<Finding>): Finding => ({ rule: 'r', source: 'rules', severity: 'warning', message: 'm', path: 'info.json', ...over });

const report: ReviewReport = {
  connector: 'x',
  version: '1.0.0',
  summary: { errors: 1, warnings: 1, infos: 1 },
  verdict: 'Needs changes: 1 error',
  findings: [],
  sections: [
    { id: 'validation', title: 'Validation', findings: [f({ severity: 'warning' }), f({ severity: 'info', rule: 'style' })] },
    { id: 'security', title: 'Security', findings: [f({ severity: 'error', source: 'security', rule: 'tls-verify-disabled', path: 'a.py', line: 3 })] },
    { id: 'icons', title: 'Icons', findings: [] },
  ],
};

describe('visibleSections', () => {
  it('keeps every section, empty ones included, when nothing is filtered', () => {
    expect(visibleSections(report, NO_FILTER).map((s) => [s.id, s.findings.length])).toEqual([['validation', 2], ['security', 1], ['icons', 0]]);
  });
  it('drops the findings of a hidden severity but keeps their sections', () => {
    const filter = toggleSeverity(toggleSeverity(NO_FILTER, 'warning'), 'info');
    expect(visibleSections(report, filter).map((s) => [s.id, s.findings.length])).toEqual([['validation', 0], ['security', 1], ['icons', 0]]);
  });
  it('shows one section when a section is chosen', () => {
    expect(visibleSections(report, { ...NO_FILTER, section: 'security' }).map((s) => s.id)).toEqual(['security']);
  });
});

describe('filters', () => {
  it.each([
    [NO_FILTER, false],
    [toggleSeverity(NO_FILTER, 'info'), true],
    [{ ...NO_FILTER, section: 'icons' as const }, true],
    [toggleSeverity(toggleSeverity(NO_FILTER, 'info'), 'info'), false],
  ])('isFiltered(%j) is %s', (filter, expected) => expect(isFiltered(filter)).toBe(expected));
});

describe('summary', () => {
  it.each([
    [{ errors: 2, warnings: 0, infos: 0 }, 'error'],
    [{ errors: 0, warnings: 3, infos: 1 }, 'warning'],
    [{ errors: 0, warnings: 0, infos: 5 }, 'ok'],
  ] as const)('verdictTone(%j) is %s', (summary, tone) => expect(verdictTone(summary)).toBe(tone));

  it('counts in words, singular and plural', () => {
    expect(countsText({ errors: 1, warnings: 2, infos: 0 })).toBe('1 error, 2 warnings, 0 infos');
  });

  it('knows whether the report was made against another version', () => {
    expect(hasCompat(report)).toBe(false);
    expect(hasCompat({ ...report, sections: [...report.sections, { id: 'compat', title: 'Compatibility', findings: [] }] })).toBe(true);
  });
});

describe('locationOf', () => {
  it.each([
    [f({ path: 'ops.py', line: 12, column: 5 }), 'ops.py:12:5'],
    [f({ path: 'ops.py', line: 12 }), 'ops.py:12'],
    [f({ pointer: '/operations/3/parameters/0' }), 'info.json › /operations/3/parameters/0'],
    [f({ path: 'images/small.png' }), 'images/small.png'],
  ])('%j -> %s', (finding, text) => expect(locationOf(finding)).toBe(text));
});

it('findingKey tells apart findings that differ only in place or source', () => {
  const keys = new Set([f({}), f({ line: 2 }), f({ source: 'ruff' }), f({ pointer: '/a' })].map(findingKey));
  expect(keys.size).toBe(4);
});
