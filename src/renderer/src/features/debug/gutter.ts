/** The debugger's marks in the editor, as Monaco decorations: breakpoints in the glyph margin (their look from
 * lookOf), the line a session stopped on (yellow arrow and band) and an older frame the user selected (green). */
import type * as Monaco from 'monaco-editor';
import type { MonacoApi } from '../../editor/monaco-api';
import { describeBreakpoint, lookOf, type UiBreakpoint } from '../../store/debug/breakpoints';
import type { DebugStackFrame } from '../../../../shared/models/debug';

type Decoration = Monaco.editor.IModelDeltaDecoration;

export function breakpointDecorations(m: MonacoApi, list: readonly UiBreakpoint[]): Decoration[] {
  return list.map((b) => ({
    range: new m.Range(b.line, 1, b.line, 1),
    options: {
      glyphMarginClassName: `cs-bp cs-bp-${lookOf(b)}${b.logMessage ? ' cs-bp-logshape' : ''}`,
      glyphMarginHoverMessage: { value: describeBreakpoint(b) },
      // An edit above the line moves the mark with its line; the store learns the new line from it.
      stickiness: m.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
    },
  }));
}

/** The faint dot under the pointer where a click would add a breakpoint. */
export function hintDecoration(m: MonacoApi, line: number): Decoration {
  return { range: new m.Range(line, 1, line, 1), options: { glyphMarginClassName: 'cs-bp cs-bp-hint' } };
}

/** The top frame's line (where the session stopped) and, when another frame is selected, that frame's line. */
export function frameDecorations(m: MonacoApi, path: string, top: DebugStackFrame | null, shown: DebugStackFrame | null): Decoration[] {
  const out: Decoration[] = [];
  const mark = (f: DebugStackFrame, kind: 'top' | 'focused') =>
    out.push({
      range: new m.Range(f.line, 1, f.line, 1),
      options: {
        isWholeLine: true,
        className: `cs-debug-line-${kind}`,
        glyphMarginClassName: `cs-stackframe cs-stackframe-${kind}`,
        glyphMarginHoverMessage: { value: kind === 'top' ? `Paused here: ${f.name}` : `Selected frame: ${f.name}` },
        overviewRuler: { color: kind === 'top' ? '#ffcc00' : '#89d185', position: m.editor.OverviewRulerLane.Full },
        stickiness: m.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    });
  if (top?.path === path) mark(top, 'top');
  if (shown && shown.id !== top?.id && shown.path === path) mark(shown, 'focused');
  return out;
}
