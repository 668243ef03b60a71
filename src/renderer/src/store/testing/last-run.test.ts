/** Run Last against the real services and the real Python runtime: it repeats the last action with that run's
 * inputs whatever the form shows by then, repeats a health check, and says why when it cannot. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestConfig } from '../../../../shared/models/test-config';
import { addEchoAction } from '../../../../../tests/helpers/echo-action';
import { servicesOnSample, type SampleServices } from '../../../../../tests/helpers/services';
import { servicesTransport } from '../../../../../tests/helpers/services-transport';
import { tmpDir } from '../../../../../tests/helpers/tmp';
import { initTransport } from '../../api/client';
import { useProjectsStore } from '../projects/store';
import { describeLastRun, lastRunProblem, type LastRun } from './last-run';
import { connectorInfoOf } from './operations';
import { useTestingStore } from './store';

let s: SampleServices;

beforeEach(async () => {
  s = await servicesOnSample(await tmpDir());
  await addEchoAction(`${s.projectRoot}/sample-threat-intel`);
  initTransport(servicesTransport(s.services));
  await useProjectsStore.getState().load();
  useTestingStore.setState({ projectId: null });
  await useTestingStore.getState().open(s.projectId);
});

afterEach(() => s.services.dispose());

const testing = () => useTestingStore.getState();

describe('Run Last', () => {
  it('repeats the last action with its own inputs, leaving the form as the user left it', async () => {
    testing().selectOperation('echo_text');
    testing().setParam('text', 'first');
    await testing().run();
    expect(testing().runs[0].result?.data).toEqual({ text: 'first' });
    expect(testing().lastRun).toEqual({ kind: 'action', operation: 'echo_text', title: 'Echo Text', raw: { text: 'first' }, params: { text: 'first' }, configId: undefined });

    // The form moves on (another action, half filled); Ctrl+F5 still runs what ran.
    testing().setParam('text', 'edited');
    testing().selectOperation('get_ip_reputation');
    await testing().runLast();
    const [second, first] = testing().runs;
    expect(testing().runs).toHaveLength(2);
    expect(second.runId).not.toBe(first.runId);
    expect({ operation: second.operation, params: second.params, data: second.result?.data }).toEqual({ operation: 'echo_text', params: { text: 'first' }, data: { text: 'first' } });
    expect({ operation: testing().operation, paramsRaw: testing().paramsRaw }).toEqual({ operation: 'get_ip_reputation', paramsRaw: {} });
    expect(testing().shownRunId).toBe(second.runId);
  });

  it('a run the form refuses is not the last run', async () => {
    testing().selectOperation('echo_text');
    testing().setParam('text', 'kept');
    await testing().run();
    testing().setParam('text', '');
    await testing().run();
    expect(testing().paramErrors.text).toBeTruthy();
    expect(testing().runs).toHaveLength(1);
    expect(testing().lastRun).toMatchObject({ kind: 'action', raw: { text: 'kept' } });
  });

  it('with nothing run yet, runs the form', async () => {
    testing().selectOperation('echo_text');
    testing().setParam('text', 'from the form');
    await testing().runLast();
    expect(testing().runs[0].result?.data).toEqual({ text: 'from the form' });
  });

  it('repeats a health check, shows it in the Output, and refuses once its configuration is deleted', async () => {
    testing().newConfig();
    testing().setDraftValue('server_url', 'http://127.0.0.1:1');
    testing().setDraftValue('api_key', 'k');
    expect(await testing().saveDraft()).toBe(true);
    const id = testing().configs[0].id;
    await testing().checkHealth(id);
    const first = testing().health[id].result;
    expect(first?.status).toBe('Disconnected');
    expect(testing().lastRun).toEqual({ kind: 'health', configId: id });
    expect(testing().outputShows).toEqual({ kind: 'health', configId: id });

    testing().showRun('none');
    await testing().runLast();
    expect(testing().health[id].result).not.toBe(first);
    expect(testing().health[id].result?.status).toBe('Disconnected');
    expect(testing().outputShows).toEqual({ kind: 'health', configId: id });

    await testing().deleteConfig(id);
    const before = testing().health[id]?.result;
    await testing().runLast();
    expect(testing().runError).toContain('was deleted');
    expect(testing().health[id]?.result).toBe(before);
  });
});

describe('lastRunProblem and describeLastRun', () => {
  const info = connectorInfoOf({ name: 'x', version: '1.0.0', operations: [{ operation: 'get', title: 'Get' }] });
  const config = { id: 'c1', name: 'local' } as TestConfig;
  const action: LastRun = { kind: 'action', operation: 'get', title: 'Get', raw: {}, params: {}, configId: 'c1' };
  const health: LastRun = { kind: 'health', configId: 'c1' };
  it.each<[string, LastRun | null, readonly TestConfig[], string | null]>([
    ['nothing ran', null, [config], 'Nothing has run yet'],
    ['an action that can run', action, [config], null],
    ['a health check that can run', health, [config], null],
    ['a deleted configuration', action, [], 'was deleted'],
    ['a deleted health configuration', health, [], 'was deleted'],
    ['an action gone from info.json', { ...action, operation: 'gone', title: 'Gone' }, [config], '“Gone” (gone) is no longer in info.json'],
  ])('%s', (_, last, configs, problem) => {
    const said = lastRunProblem(last, info, configs);
    if (problem === null) expect(said).toBeNull();
    else expect(said).toContain(problem);
  });
  it('describes the run for the palette', () => {
    expect(describeLastRun(action, [config])).toBe('Get with local');
    expect(describeLastRun({ ...action, configId: undefined }, [config])).toBe('Get');
    expect(describeLastRun(health, [config])).toBe('Check Health of local');
  });
});
