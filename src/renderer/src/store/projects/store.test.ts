/** The projects store against the real project and trust services, through the renderer's API client. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesOnSample, type SampleServices } from '../../../../../tests/helpers/services';
import { servicesTransport } from '../../../../../tests/helpers/services-transport';
import { sampleWorkspace, tmpDir } from '../../../../../tests/helpers/tmp';
import { isApiError } from '../../api/api-error';
import { initTransport } from '../../api/client';
import { useProjectsStore } from './store';

let s: SampleServices;

beforeEach(async () => {
  s = await servicesOnSample(await tmpDir());
  initTransport(servicesTransport(s.services));
  useProjectsStore.setState({ projects: [], loaded: false, error: null });
});

afterEach(() => s.services.dispose());

/** A copy of the sample connector outside the workspace: a folder the app has never seen. */
const folderFromElsewhere = async () => `${await sampleWorkspace()}/connector-sample-threat-intel`;
const listed = (id: string) => useProjectsStore.getState().projects.filter((p) => p.id === id);

describe('the projects store', () => {
  it('loads the workspace\'s projects', async () => {
    await useProjectsStore.getState().load();
    const { projects, loaded, loading, error } = useProjectsStore.getState();
    expect({ loaded, loading, error }).toEqual({ loaded: true, loading: false, error: null });
    expect(projects.map((p) => p.id)).toEqual([s.projectId]);
  });

  it('opens a folder from elsewhere restricted, and opening it again keeps one entry', async () => {
    await useProjectsStore.getState().load();
    const folder = await folderFromElsewhere();
    const opened = await useProjectsStore.getState().open(folder);
    expect(opened.trusted).toBe(false);
    expect(listed(opened.id)).toEqual([opened]);

    const again = await useProjectsStore.getState().open(folder);
    expect(again.id).toBe(opened.id);
    expect(listed(opened.id)).toHaveLength(1);
    expect(useProjectsStore.getState().projects).toHaveLength(2);
  });

  it('trusting a project updates its entry, and the trust outlives a reload', async () => {
    const opened = await useProjectsStore.getState().open(await folderFromElsewhere());
    const trusted = await useProjectsStore.getState().trust(opened.id);
    expect(trusted.trusted).toBe(true);
    expect(listed(opened.id)).toEqual([trusted]);

    useProjectsStore.setState({ projects: [] });
    await useProjectsStore.getState().load();
    expect(listed(opened.id)[0]?.trusted).toBe(true);
  });

  it('passes on a refusal from the services and leaves the list as it was', async () => {
    await useProjectsStore.getState().load();
    const before = useProjectsStore.getState().projects;
    const e = await useProjectsStore.getState().open(await tmpDir('cs-no-connector-')).catch((x: unknown) => x);
    expect(isApiError(e)).toBe(true);
    expect((e as Error).message).toMatch(/\S/);
    expect(useProjectsStore.getState().projects).toBe(before);
  });
});
