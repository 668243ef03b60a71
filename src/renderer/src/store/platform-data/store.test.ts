/** The platform data store against the real services and the real runtime, through the renderer's API client: a
 * Test Actions run writes records, and the store follows without being asked. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAttachAction, copyElsewhere } from '../../../../../tests/helpers/attach-action';
import { servicesOnSample, type SampleServices } from '../../../../../tests/helpers/services';
import { servicesTransport } from '../../../../../tests/helpers/services-transport';
import { tmpDir } from '../../../../../tests/helpers/tmp';
import { initTransport } from '../../api/client';
import { useProjectsStore } from '../projects/store';
import { useTestingStore } from '../testing/store';
import { changesOf, filesOfRecord, findItem } from './model';
import { PLATFORM_INITIAL, usePlatformDataStore } from './store';

let s: SampleServices;

beforeEach(async () => {
  s = await servicesOnSample(await tmpDir());
  initTransport(servicesTransport(s.services));
  usePlatformDataStore.setState(PLATFORM_INITIAL);
  await useProjectsStore.getState().load();
});

afterEach(() => s.services.dispose());

/** Resolves once the store's state satisfies `holds`: waits on the store's own updates, never on a clock. */
function until<T>(store: { getState(): T; subscribe(fn: (state: T) => void): () => void }, holds: (state: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    if (holds(store.getState())) return resolve(store.getState());
    const stop = store.subscribe((state) => {
      if (!holds(state)) return;
      stop();
      resolve(state);
    });
  });
}

async function runAttach(text: string) {
  const testing = useTestingStore.getState();
  await testing.open(s.projectId);
  testing.selectOperation('attach_report');
  testing.setParam('text', text);
  await testing.run();
  const run = useTestingStore.getState().runs[0];
  expect(run.status, run.result?.message ?? run.error).toBe('Success');
  return run;
}

describe('the platform data store', () => {
  it('opens on a project whose runs wrote nothing: an empty snapshot, no selection, no error', async () => {
    await usePlatformDataStore.getState().open(s.projectId);
    const st = usePlatformDataStore.getState();
    expect({ projectId: st.projectId, loading: st.loading, error: st.error, selectedIri: st.selectedIri }).toEqual({ projectId: s.projectId, loading: false, error: null, selectedIri: null });
    expect(st.snapshot?.modules).toEqual([]);
    expect(st.snapshot?.totalFiles).toBe(0);
  });

  it('says why the selected record cannot be read when it went after the list was read', async () => {
    await addAttachAction(await s.services.projects.connectorDirOf(s.projectId));
    await usePlatformDataStore.getState().open(s.projectId);
    const run = await runAttach('soon gone');
    const iri = changesOf(run.result).find((c) => c.module === 'attachments')!.iri;
    await until(usePlatformDataStore, (st) => !!findItem(st.snapshot, iri));
    // Emptied behind the view's back (another window, the CLI): the list still shows the record.
    await s.services.platform.reset(s.projectId);
    usePlatformDataStore.getState().select(iri);
    const failed = await until(usePlatformDataStore, (st) => st.recordError !== null);
    expect(failed.record).toBeNull();
    expect(failed.recordError).toContain(`The record cannot be read: The project's platform data holds no record ${iri}`);
  });

  it('says when a record a run listed is gone, and selects nothing', async () => {
    await usePlatformDataStore.getState().open(s.projectId);
    expect(await usePlatformDataStore.getState().reveal('/api/3/alerts/00000000-0000-4000-8000-000000000000/')).toBe(false);
    expect(usePlatformDataStore.getState()).toMatchObject({ notFound: '/api/3/alerts/00000000-0000-4000-8000-000000000000', selectedIri: null });
  });

  it('follows a Test Actions run that attaches a file without being asked; reveal selects the record; reset empties the store', async () => {
    await addAttachAction(await s.services.projects.connectorDirOf(s.projectId));
    await usePlatformDataStore.getState().open(s.projectId);
    usePlatformDataStore.getState().toggleModule('attachments');
    expect(usePlatformDataStore.getState().collapsed).toEqual({ attachments: true });

    const run = await runAttach('Hello, SOC!');
    const created = changesOf(run.result).filter((c) => c.module === 'attachments' && c.action === 'created');
    expect(created).toHaveLength(1);
    const iri = created[0].iri;
    // No refresh() here: the end of the run is what brings the record in.
    const after = await until(usePlatformDataStore, (st) => !!findItem(st.snapshot, iri));
    expect(after.snapshot?.modules.find((m) => m.module === 'attachments')?.total).toBe(1);
    expect(after.snapshot?.files.map((f) => [f.filename, f.size, f.mimeType])).toEqual([['report.txt', 11, 'text/plain']]);

    const seq = after.revealSeq;
    expect(await usePlatformDataStore.getState().reveal(iri)).toBe(true);
    expect(usePlatformDataStore.getState()).toMatchObject({ selectedIri: iri, collapsed: {}, notFound: null, revealSeq: seq + 1 });
    // Its detail is the record whole, as the connector got it back: the attachment's file embedded, and found in the list.
    const read = await until(usePlatformDataStore, (st) => st.record?.iri === iri);
    expect(read.record?.json).toEqual(run.result?.data);
    expect(read.record?.json).toMatchObject({ '@id': iri, '@type': 'Attachment', file: { '@type': 'File', filename: 'report.txt' } });
    expect(filesOfRecord(read.snapshot, read.record?.json).map((f) => f.filename)).toEqual(['report.txt']);
    // A file's summary is all there is to it: selecting one reads nothing.
    const fileIri = read.snapshot!.files[0].iri;
    usePlatformDataStore.getState().select(fileIri);
    expect(usePlatformDataStore.getState()).toMatchObject({ selectedIri: fileIri, record: null, recordError: null });
    usePlatformDataStore.getState().select(iri);
    await until(usePlatformDataStore, (st) => st.record?.iri === iri);
    // Selecting the open record again closes its detail.
    usePlatformDataStore.getState().select(iri);
    expect(usePlatformDataStore.getState()).toMatchObject({ selectedIri: null, record: null });

    expect(await usePlatformDataStore.getState().reset()).toBe(true);
    const reset = usePlatformDataStore.getState();
    expect({ modules: reset.snapshot?.modules, files: reset.snapshot?.totalFiles, resetting: reset.resetting, error: reset.error }).toEqual({ modules: [], files: 0, resetting: false, error: null });
  });

  it('keeps each project\'s data to itself: another project starts clean, and a reset there leaves this one\'s records', async () => {
    await addAttachAction(await s.services.projects.connectorDirOf(s.projectId));
    await usePlatformDataStore.getState().open(s.projectId);
    await runAttach('first project');
    await until(usePlatformDataStore, (st) => (st.snapshot?.totalFiles ?? 0) === 1);
    usePlatformDataStore.getState().toggleModule('attachments');

    const other = await useProjectsStore.getState().open(await copyElsewhere(s.projectRoot));
    await usePlatformDataStore.getState().open(other.id);
    expect(usePlatformDataStore.getState()).toMatchObject({ projectId: other.id, collapsed: {}, selectedIri: null });
    expect(usePlatformDataStore.getState().snapshot?.totalFiles).toBe(0);
    expect(await usePlatformDataStore.getState().reset()).toBe(true);

    await usePlatformDataStore.getState().open(s.projectId);
    expect(usePlatformDataStore.getState().snapshot?.totalFiles).toBe(1);
  });
});
