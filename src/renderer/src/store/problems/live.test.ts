import { describe, expect, it } from 'vitest';
// The largest published connector, read through Vite like any asset (the renderer may not import node:fs).
import CORTEX from '../../../../../tests/fixtures/corpus/connectors/paloalto-cortex-xdr/info.json?raw';
import { createThrottle, liveFindings } from './live';

describe('liveFindings', () => {
  const text = CORTEX;

  it('reports a defect typed into the text, with its pointer, quickly', () => {
    const broken = text.replace('"category": "investigation"', '"category": "investigaton"');
    const started = performance.now();
    const findings = liveFindings(broken, 'paloalto-cortex-xdr');
    expect(performance.now() - started).toBeLessThan(200);
    expect(findings.find((f) => f.rule === 'operation-category')?.pointer).toMatch(/^\/operations\/\d+\/category$/);
    expect(findings.some((f) => f.severity === 'error')).toBe(false);
  });

  it('checks the dispatch against the live text when it has the Python', () => {
    const info = JSON.stringify({ name: 'x', operations: [{ operation: 'a' }, { operation: 'b' }] });
    const python = { 'connector.py': 'from .operations import operations\n', 'operations.py': "operations = {'a': a, 'c': c}\n" };
    const rules = liveFindings(info, 'x', python).map((f) => `${f.rule}:${f.pointer ?? f.path}`);
    expect(rules).toContain('operation-not-implemented:/operations/1/operation');
    expect(rules).toContain('dispatch-entry-undeclared:operations.py');
    expect(liveFindings(info, 'x').some((f) => f.rule === 'operation-not-implemented')).toBe(false);
  });

  it('reports broken JSON with its line and column', () => {
    const f = liveFindings('{\n  "name": ,\n}', 'x');
    expect(f).toEqual([expect.objectContaining({ rule: 'info-json-parse', line: 2 })]);
  });
});

describe('createThrottle', () => {
  function harness() {
    let clock = 0;
    const queue: { at: number; fn: () => void }[] = [];
    const runs: number[] = [];
    const fire = createThrottle(() => runs.push(clock), 50, () => clock, (fn, ms) => queue.push({ at: clock + ms, fn }));
    const advance = (to: number) => {
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const next = queue[0];
        if (!next || next.at > to) break;
        queue.shift();
        clock = next.at;
        next.fn();
      }
      clock = to;
    };
    return { fire, advance, runs };
  }

  it('runs at once after a quiet spell and at most once per interval during a burst', () => {
    const h = harness();
    h.fire();
    expect(h.runs).toEqual([0]);
    for (let t = 10; t <= 100; t += 10) {
      h.advance(t);
      h.fire();
    }
    h.advance(300);
    expect(h.runs).toEqual([0, 50, 100, 150]);
  });
});
