import { describe, expect, it } from 'vitest';
import { applyResults, coverageOf, groupByFile, idsInScope, markRunning, operationOfFile, splitNodeId, stateOfAll, testLines } from './tree';

const IDS = ['tests/test_echo.py::test_echo_happy', 'tests/test_echo.py::test_echo_empty', 'tests/test_lookup.py::TestLookup::test_ip[1]', 'tests/test_lookup.py::TestLookup::test_ip[2]'];

describe('node ids', () => {
  it.each([
    ['tests/test_echo.py::test_a', 'tests/test_echo.py', 'test_a'],
    ['tests/test_x.py::Cls::test_b[1]', 'tests/test_x.py', 'Cls::test_b[1]'],
    ['tests/test_only.py', 'tests/test_only.py', 'tests/test_only.py'],
  ])('%s splits into file and name', (id, file, name) => expect(splitNodeId(id)).toEqual({ file, name }));

  it('groups by file in collection order, once per id', () => {
    const g = groupByFile([...IDS, IDS[0]]);
    expect(g.map((f) => f.file)).toEqual(['tests/test_echo.py', 'tests/test_lookup.py']);
    expect(g[0].tests.map((t) => t.name)).toEqual(['test_echo_happy', 'test_echo_empty']);
    expect(g[1].tests).toHaveLength(2);
  });
});

describe('scope and states', () => {
  it.each([
    [undefined, 4],
    ['tests/test_echo.py', 2],
    ['tests/test_echo.py::test_echo_happy', 1],
    ['tests/test_lookup.py::TestLookup::test_ip', 2],
    ['tests/test_none.py', 0],
  ])('scope %s covers %i tests', (scope, n) => expect(idsInScope(IDS, scope)).toHaveLength(n));

  it.each([
    [[], 'idle'],
    [['passed', 'failed', 'running'], 'failed'],
    [['passed', 'running'], 'running'],
    [['passed', 'skipped'], 'passed'],
    [['skipped'], 'skipped'],
    [['passed', 'idle'], 'idle'],
  ] as const)('%j is %s as a file', (states, want) => expect(stateOfAll(states)).toBe(want));

  it('a run marks its scope running, then the results land and an unreported test goes back to idle', () => {
    const before = { [IDS[2]]: 'passed' as const };
    const running = markRunning(before, IDS.slice(0, 2));
    expect(running).toEqual({ [IDS[0]]: 'running', [IDS[1]]: 'running', [IDS[2]]: 'passed' });
    const after = applyResults(running, IDS.slice(0, 2), [{ id: IDS[0], status: 'failed', message: 'diff' }]);
    expect(after).toEqual({ [IDS[0]]: 'failed', [IDS[1]]: 'idle', [IDS[2]]: 'passed' });
  });
});

describe('gutter lines', () => {
  const text = ['from connector_studio_helpers import replay', '', 'def test_echo_happy():', '    pass', '', 'class TestLookup:', '    async def test_ip(self):', '        pass'].join('\n');

  it('finds each function, a method and a parametrised id on its def line; a missing one is left out', () => {
    const lines = testLines(text, ['test_echo_happy', 'TestLookup::test_ip[2]', 'test_gone']);
    expect([...lines]).toEqual([['test_echo_happy', 3], ['TestLookup::test_ip[2]', 7]]);
  });

  it('does not match a function whose name only starts the same', () => {
    expect(testLines('def test_echo_happy_more():\n', ['test_echo_happy']).size).toBe(0);
  });
});

describe('coverage per operation', () => {
  it.each([
    ['tests/test_echo.py', 'echo'],
    ['tests/test_get_ip_reputation.py', 'get_ip_reputation'],
    ['tests/helpers.py', null],
  ])('%s covers %s', (file, op) => expect(operationOfFile(file)).toBe(op));

  it('counts each operation\'s tests and lists the untested with 0', () => {
    const cov = coverageOf([{ operation: 'echo', title: 'Echo' }, { operation: 'get_ip', title: '' }], groupByFile(IDS));
    expect(cov).toEqual([{ operation: 'echo', title: 'Echo', tests: 2 }, { operation: 'get_ip', title: 'get_ip', tests: 0 }]);
  });
});
