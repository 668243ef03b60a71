/** The Tests view's store against the real services, the real Python runtime and real pytest: a recorded Test
 * Actions run saved as a test is listed, runs green, and after the action's code changes runs red with the diff. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addEchoAction } from '../../../../../tests/helpers/echo-action';
import { servicesOnSample, type SampleServices } from '../../../../../tests/helpers/services';
import { servicesTransport } from '../../../../../tests/helpers/services-transport';
import { tmpDir } from '../../../../../tests/helpers/tmp';
import { call, initTransport } from '../../api/client';
import { useProjectsStore } from '../projects/store';
import { useTestsViewStore } from './store';

let s: SampleServices;

beforeEach(async () => {
  s = await servicesOnSample(await tmpDir());
  await addEchoAction(`${s.projectRoot}/sample-threat-intel`);
  initTransport(servicesTransport(s.services));
  await useProjectsStore.getState().load();
  useTestsViewStore.setState({ projectId: null });
});

afterEach(() => s.services.dispose());

const view = () => useTestsViewStore.getState();

describe('Tests view store', () => {
  it('starts empty, then lists a saved recording, runs it green, and red with the diff once the code changes', async () => {
    await view().open(s.projectId);
    expect(view()).toMatchObject({ tests: [], loaded: true, error: null });

    const r = await call('runtime.execute', { projectId: s.projectId, runId: 'r1', operation: 'echo_text', params: { text: 'hello' }, cassette: { mode: 'record', name: 'happy' } });
    expect(r.status).toBe('Success');
    const saved = await view().saveAsTest(s.projectId, 'echo_text', 'happy', 'exact');
    expect(saved.nodeId).toBe('tests/test_echo_text.py::test_echo_text_happy');
    expect(view().tests.map((t) => t.id)).toEqual([saved.nodeId]);

    await view().run(saved.relPath);
    expect(view().running).toBeNull();
    expect(view().states).toEqual({ [saved.nodeId]: 'passed' });
    expect(view().lastReport?.summary).toEqual({ passed: 1, failed: 0, skipped: 0 });

    // The user edits the action and saves: it now answers HELLO where the recording says hello.
    const ops = await call('files.read', { projectId: s.projectId, relPath: 'sample-threat-intel/operations.py' });
    const broken = (ops.text ?? '').replace("return {'text': params['text']}", "return {'text': params['text'].upper()}");
    await call('files.write', { projectId: s.projectId, relPath: 'sample-threat-intel/operations.py', text: broken, etag: ops.etag });
    await view().run(saved.nodeId);
    expect(view().states).toEqual({ [saved.nodeId]: 'failed' });
    expect(view().selectedId).toBe(saved.nodeId);
    expect(view().outcomes[saved.nodeId].details).toContain('HELLO');

    // Re-record: the live run answers HELLO; Keep leaves the recording, Accept takes the new one and the test is green.
    await view().rerecord(saved.nodeId);
    expect(view().rerecording).toMatchObject({ testId: saved.nodeId, phase: 'preview', preview: { recording: 'echo_text-happy', unchanged: false, schemaChanges: [] } });
    expect(view().rerecording?.preview?.dataChanges).toEqual([{ path: '$.text', kind: 'changed', before: 'hello', after: 'HELLO' }]);
    await view().keepRecording();
    expect(view().rerecording).toBeNull();
    await view().run(saved.nodeId);
    expect(view().states).toEqual({ [saved.nodeId]: 'failed' });
    await view().rerecord(saved.nodeId);
    await view().acceptRerecord();
    expect(view().rerecording).toBeNull();
    expect(view().states).toEqual({ [saved.nodeId]: 'passed' });
  }, 180_000);

  it('a run that cannot start says why and leaves no test spinning', async () => {
    await view().open(s.projectId);
    await view().run('tests/../../outside.py');
    expect(view().running).toBeNull();
    expect(view().error).toMatch(/^The tests did not run: /);
    expect(Object.values(view().states)).not.toContain('running');
  });
});
