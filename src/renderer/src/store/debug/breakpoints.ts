/** The project's breakpoints as the gutter and the Breakpoints list show them: the services' DebugBreakpoint plus
 * `enabled` (a disabled breakpoint keeps its place and its condition but is never sent to debugpy). Pure
 * transitions, one breakpoint per line of a file, as an editor's gutter has. */
import type { DebugBreakpoint, SourceBreakpoint } from '../../../../shared/models/debug';

export interface UiBreakpoint extends DebugBreakpoint {
  readonly enabled: boolean;
}

/** What the user can set on a breakpoint besides its line; '' clears a field. */
export interface BreakpointOptions {
  readonly condition?: string;
  readonly hitCondition?: string;
  readonly logMessage?: string;
}

/** How the gutter draws a breakpoint, in VS Code's shapes: a dot, a dot with '=' (condition or hit count), a
 * diamond (logpoint); grey when disabled, hollow when a session could not place it. */
export type BreakpointLook = 'plain' | 'conditional' | 'log' | 'disabled' | 'unverified';

const byFileThenLine = (a: DebugBreakpoint, b: DebugBreakpoint) => a.path.localeCompare(b.path) || a.line - b.line;
const at = (path: string, line: number) => (b: DebugBreakpoint) => b.path === path && b.line === line;

export const breakpointKey = (b: { path: string; line: number }) => `${b.path}:${b.line}`;

export const inFile = (list: readonly UiBreakpoint[], path: string): UiBreakpoint[] => list.filter((b) => b.path === path);

export const findBreakpoint = (list: readonly UiBreakpoint[], path: string, line: number): UiBreakpoint | undefined => list.find(at(path, line));

/** Empty strings are no option at all: the stored breakpoint has only the fields that say something. */
function withOptions(b: UiBreakpoint, o: BreakpointOptions): UiBreakpoint {
  const merged = { ...b, ...o };
  const { condition, hitCondition, logMessage, ...rest } = merged;
  return {
    ...rest,
    ...(condition?.trim() ? { condition: condition.trim() } : {}),
    ...(hitCondition?.trim() ? { hitCondition: hitCondition.trim() } : {}),
    ...(logMessage?.trim() ? { logMessage: logMessage.trim() } : {}),
  };
}

/** A click in the gutter: removes the line's breakpoint, or adds a plain one. */
export function toggleAt(list: readonly UiBreakpoint[], path: string, line: number): UiBreakpoint[] {
  return findBreakpoint(list, path, line) ? list.filter((b) => !at(path, line)(b)) : [...list, { path, line, enabled: true }].sort(byFileThenLine);
}

/** Adds the line's breakpoint with these options, or changes the existing one's; a session's verdict is dropped
 * (the changed breakpoint has not been placed yet). */
export function upsertAt(list: readonly UiBreakpoint[], path: string, line: number, options: BreakpointOptions): UiBreakpoint[] {
  const current = findBreakpoint(list, path, line);
  const base: UiBreakpoint = current ? { path, line, enabled: current.enabled, condition: current.condition, hitCondition: current.hitCondition, logMessage: current.logMessage } : { path, line, enabled: true };
  return [...list.filter((b) => !at(path, line)(b)), withOptions(base, options)].sort(byFileThenLine);
}

export const removeAt = (list: readonly UiBreakpoint[], path: string, line: number): UiBreakpoint[] => list.filter((b) => !at(path, line)(b));

export function setEnabledAt(list: readonly UiBreakpoint[], path: string, line: number, enabled: boolean): UiBreakpoint[] {
  return list.map((b) => (at(path, line)(b) ? { ...b, enabled } : b));
}

/** What the services get for a file: its enabled breakpoints, without a session's verdict. */
export function sourceOf(list: readonly UiBreakpoint[], path: string): SourceBreakpoint[] {
  return inFile(list, path)
    .filter((b) => b.enabled)
    .map((b) => ({ line: b.line, ...(b.condition ? { condition: b.condition } : {}), ...(b.hitCondition ? { hitCondition: b.hitCondition } : {}), ...(b.logMessage ? { logMessage: b.logMessage } : {}) }));
}

/** The services' list for one file (as stored, or as a session placed it: verified, moved lines) replaces the file's
 * enabled breakpoints; the disabled ones, which the services never saw, stay unless one now sits on their line. */
export function applyFile(list: readonly UiBreakpoint[], path: string, placed: readonly DebugBreakpoint[]): UiBreakpoint[] {
  const enabled = placed.map((b): UiBreakpoint => ({ ...b, path, enabled: true }));
  const taken = new Set(enabled.map((b) => b.line));
  const disabled = inFile(list, path).filter((b) => !b.enabled && !taken.has(b.line));
  return [...list.filter((b) => b.path !== path), ...dedupeLines(enabled), ...disabled].sort(byFileThenLine);
}

/** debugpy can move two breakpoints onto the same next line with code; the gutter shows one. */
function dedupeLines(list: readonly UiBreakpoint[]): UiBreakpoint[] {
  const seen = new Map<number, UiBreakpoint>();
  for (const b of list) seen.set(b.line, b);
  return [...seen.values()];
}

/** The services' whole stored list, at open: everything enabled, plus the disabled ones this window still holds. */
export function applyStored(list: readonly UiBreakpoint[], stored: readonly DebugBreakpoint[]): UiBreakpoint[] {
  const paths = new Set([...stored.map((b) => b.path), ...list.map((b) => b.path)]);
  return [...paths].reduce<UiBreakpoint[]>((acc, p) => applyFile(acc, p, stored.filter((b) => b.path === p)), list.filter((b) => !b.enabled));
}

export function lookOf(b: UiBreakpoint): BreakpointLook {
  if (!b.enabled) return 'disabled';
  if (b.verified === false) return 'unverified';
  if (b.logMessage) return 'log';
  if (b.condition || b.hitCondition) return 'conditional';
  return 'plain';
}

/** One line for a tooltip and the Breakpoints list: what the breakpoint does, as VS Code words it. */
export function describeBreakpoint(b: UiBreakpoint): string {
  const parts = [
    b.logMessage ? `Log Message: ${b.logMessage}` : '',
    b.condition ? `Condition: ${b.condition}` : '',
    b.hitCondition ? `Hit Count: ${b.hitCondition}` : '',
    b.verified === false ? `Not placed${b.message ? `: ${b.message}` : ''}` : '',
    !b.enabled ? 'Disabled' : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : b.logMessage === undefined ? 'Breakpoint' : 'Logpoint';
}
