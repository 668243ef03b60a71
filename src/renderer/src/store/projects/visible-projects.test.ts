import { describe, expect, it } from 'vitest';
import type { ProjectSummary } from '../../../../shared/models/workspace';
import { visibleProjects } from './visible-projects';

const p = (name: string, label: string, modifiedMs: number, publisher = 'Fortinet'): ProjectSummary => ({
  id: name, root: `/w/${name}`, connectorRel: name, name, label, version: '1.0.0', publisher,
  description: '', modifiedMs, git: 'clean', inWorkspace: true,
});
const all = [p('zeta', 'Alpha Threat', 10), p('alpha', 'Zulu Intel', 30), p('mid', 'Mid', 20, 'Acme')];

describe('visibleProjects', () => {
  it.each([
    ['label', ['zeta', 'mid', 'alpha']],
    ['name', ['alpha', 'mid', 'zeta']],
    ['modified', ['alpha', 'mid', 'zeta']],
  ] as const)('sorts by %s', (sort, expected) => {
    expect(visibleProjects(all, '', sort).map((x) => x.name)).toEqual(expected);
  });
  it('filters on every word, case-insensitively', () => {
    expect(visibleProjects(all, 'ACME', 'name').map((x) => x.name)).toEqual(['mid']);
    expect(visibleProjects(all, 'zulu intel', 'name').map((x) => x.name)).toEqual(['alpha']);
    expect(visibleProjects(all, 'zulu acme', 'name')).toEqual([]);
  });
  it('does not mutate its input', () => {
    const copy = [...all];
    visibleProjects(all, '', 'name');
    expect(all).toEqual(copy);
  });
});
