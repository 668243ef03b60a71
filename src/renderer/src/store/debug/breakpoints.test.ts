import { describe, expect, it } from 'vitest';
import { applyFile, applyStored, describeBreakpoint, lookOf, setEnabledAt, sourceOf, toggleAt, upsertAt, type UiBreakpoint } from './breakpoints';

const OPS = 'c/operations.py';
const UTILS = 'c/utils.py';
const bp = (line: number, extra: Partial<UiBreakpoint> = {}): UiBreakpoint => ({ path: OPS, line, enabled: true, ...extra });

describe('breakpoint transitions', () => {
  it('a gutter click adds a plain breakpoint, a second removes it; lists stay sorted by file then line', () => {
    const one = toggleAt([bp(20), { path: UTILS, line: 3, enabled: true }], OPS, 15);
    expect(one.map((b) => `${b.path}:${b.line}`)).toEqual([`${OPS}:15`, `${OPS}:20`, `${UTILS}:3`]);
    expect(toggleAt(one, OPS, 15).map((b) => b.line)).toEqual([20, 3]);
  });

  it('options edit the line\'s breakpoint in place: blank fields are dropped, the session verdict is forgotten, enabled is kept', () => {
    const list = [bp(15, { verified: true, enabled: false, condition: 'x > 1' })];
    const edited = upsertAt(list, OPS, 15, { hitCondition: ' >= 3 ', condition: '' });
    expect(edited).toEqual([{ path: OPS, line: 15, enabled: false, hitCondition: '>= 3' }]);
    expect(upsertAt([], OPS, 7, { logMessage: 'ip={ip}' })).toEqual([{ path: OPS, line: 7, enabled: true, logMessage: 'ip={ip}' }]);
  });

  it('the services get only the enabled breakpoints of a file, without a verdict', () => {
    const list = [bp(15, { verified: true, condition: 'ip' }), bp(16, { enabled: false }), { path: UTILS, line: 3, enabled: true }];
    expect(sourceOf(list, OPS)).toEqual([{ line: 15, condition: 'ip' }]);
    expect(sourceOf(setEnabledAt(list, OPS, 16, true), OPS).map((b) => b.line)).toEqual([15, 16]);
  });

  it('a session\'s answer replaces the file\'s enabled breakpoints (moved lines too) and keeps the disabled ones off its lines', () => {
    const list = [bp(12), bp(14, { enabled: false }), bp(18, { enabled: false }), { path: UTILS, line: 3, enabled: true }];
    const placed = applyFile(list, OPS, [{ path: OPS, line: 14, verified: true }]);
    expect(placed).toEqual([{ path: OPS, line: 14, verified: true, enabled: true }, bp(18, { enabled: false }), { path: UTILS, line: 3, enabled: true }]);
  });

  it('two breakpoints debugpy moved onto one line show as one', () => {
    expect(applyFile([], OPS, [{ path: OPS, line: 15 }, { path: OPS, line: 15, verified: true }])).toEqual([{ path: OPS, line: 15, verified: true, enabled: true }]);
  });

  it('the stored list at open keeps this window\'s disabled breakpoints', () => {
    const list = [bp(10), bp(11, { enabled: false })];
    expect(applyStored(list, [{ path: UTILS, line: 2 }])).toEqual([bp(11, { enabled: false }), { path: UTILS, line: 2, enabled: true }]);
  });

  it.each([
    [bp(1), 'plain', 'Breakpoint'],
    [bp(1, { condition: 'ip == "1.2.3.4"' }), 'conditional', 'Condition: ip == "1.2.3.4"'],
    [bp(1, { hitCondition: '3' }), 'conditional', 'Hit Count: 3'],
    [bp(1, { logMessage: 'ip={ip}' }), 'log', 'Log Message: ip={ip}'],
    [bp(1, { enabled: false, condition: 'x' }), 'disabled', 'Condition: x · Disabled'],
    [bp(1, { verified: false, message: 'no code on this line' }), 'unverified', 'Not placed: no code on this line'],
  ] as const)('%o looks %s and reads "%s"', (b, look, text) => {
    expect(lookOf(b)).toBe(look);
    expect(describeBreakpoint(b)).toBe(text);
  });
});
