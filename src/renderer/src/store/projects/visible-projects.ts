import type { ProjectSummary } from '../../../../shared/models/workspace';

export type ProjectSort = 'label' | 'modified' | 'name';

const haystack = (p: ProjectSummary) => `${p.label} ${p.name} ${p.publisher} ${p.description} ${p.version}`.toLowerCase();

/** Home's card list: every word of the query must appear somewhere in the card; then sorted. */
export function visibleProjects(projects: readonly ProjectSummary[], query: string, sort: ProjectSort): ProjectSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = projects.filter((p) => words.every((w) => haystack(p).includes(w)));
  const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
  const compare: Record<ProjectSort, (a: ProjectSummary, b: ProjectSummary) => number> = {
    label: (a, b) => byText(a.label || a.name, b.label || b.name),
    name: (a, b) => byText(a.name, b.name),
    modified: (a, b) => b.modifiedMs - a.modifiedMs,
  };
  return [...matching].sort(compare[sort]);
}
