import { describe, expect, it } from 'vitest';
import { preferredConfig, reportOf } from './config-actions';
import { ApiError } from '../../api/api-error';
import { connectorInfoOf, pickable } from './operations';
import { appendOutput, cassetteLabel, cassetteRequest, formatDuration, MAX_RUNS, newRunId, pushRun, updateRun, type RunRecord } from './runs';

const run = (runId: string): RunRecord => ({ runId, operation: 'op', title: 'Op', params: {}, raw: {}, startedAt: 0, status: 'running', output: [] });

describe('runs', () => {
  it('newest first, capped', () => {
    let runs: RunRecord[] = [];
    for (let i = 0; i < MAX_RUNS + 5; i++) runs = pushRun(runs, run(`r${i}`));
    expect(runs).toHaveLength(MAX_RUNS);
    expect(runs[0].runId).toBe(`r${MAX_RUNS + 4}`);
  });
  it('updates one run only', () => {
    const runs = updateRun([run('a'), run('b')], 'b', () => ({ status: 'Success' }));
    expect(runs.map((r) => r.status)).toEqual(['running', 'Success']);
  });
  it('keeps the last lines of a runaway output', () => {
    let lines = appendOutput([], { kind: 'stdout', text: '0' }, 3);
    for (let i = 1; i < 6; i++) lines = appendOutput(lines, { kind: 'stdout', text: String(i) }, 3);
    expect(lines.map((l) => l.text)).toEqual(['3', '4', '5']);
  });
  it('run ids are unique', () => expect(newRunId()).not.toBe(newRunId()));
  it.each([[undefined, ''], [12.4, '12 ms'], [1500, '1.50 s']])('formatDuration(%j)', (ms, out) => expect(formatDuration(ms)).toBe(out));
});

describe('connectorInfoOf', () => {
  const info = {
    name: 'x', version: '1.0.0',
    configuration: { fields: [{ name: 'url', type: 'text' }] },
    operations: [
      { operation: 'get', title: 'Get', parameters: [{ name: 'id' }], output_schema: { id: '' } },
      { operation: 'helper', visible: false, is_config_required: false },
      { title: 'no operation name' },
      null,
    ],
  };
  it('reads fields and operations, flags hidden ones and the config requirement', () => {
    const c = connectorInfoOf(info);
    expect(c.configFields).toHaveLength(1);
    expect(c.operations.map((o) => [o.operation, o.title, o.hidden, o.configRequired])).toEqual([['get', 'Get', false, true], ['helper', 'helper', true, false]]);
    expect(pickable(c.operations, false).map((o) => o.operation)).toEqual(['get']);
    expect(pickable(c.operations, true)).toHaveLength(2);
  });
  it('survives a malformed info.json', () => {
    expect(connectorInfoOf('nonsense')).toEqual({ name: '', version: '', configFields: [], operations: [] });
    expect(connectorInfoOf({ configuration: { fields: 'x' }, operations: {} }).configFields).toEqual([]);
  });
});

describe('configurations', () => {
  const cfg = (id: string, isDefault = false) => ({ id, configId: `uuid-${id}`, name: id, isDefault, active: true, values: {}, secretsSet: [] });
  it('prefers the current choice, then the default, then the first', () => {
    expect(preferredConfig([cfg('a'), cfg('b', true)], 'a')).toBe('a');
    expect(preferredConfig([cfg('a'), cfg('b', true)], 'gone')).toBe('b');
    expect(preferredConfig([cfg('a'), cfg('b')], null)).toBe('a');
    expect(preferredConfig([], null)).toBeNull();
  });
  it('a refused hook keeps its logs for the report', () => {
    const hook = { hook: 'on_add_config', status: 'Failed', message: 'bad key', logs: [] };
    const r = reportOf('Add', new ApiError('testConfig.save', { code: 'RUNTIME', message: 'refused', details: { hook } }));
    expect(r).toEqual({ action: 'Add', ok: false, message: 'refused', hook });
    expect(reportOf('Add', new Error('boom')).hook).toBeUndefined();
  });
});

describe('cassetteRequest', () => {
  it('asks for nothing when off, a trimmed name otherwise, and refuses names the service would', () => {
    expect(cassetteRequest('off', 'x')).toEqual({});
    expect(cassetteRequest('record', ' ip ')).toEqual({ cassette: { mode: 'record', name: 'ip' } });
    expect(cassetteRequest('replay', '../x').error).toMatch(/letters, digits/);
    expect(cassetteLabel({ mode: 'replay', name: 'ip' })).toBe('replayed · ip');
  });
});
