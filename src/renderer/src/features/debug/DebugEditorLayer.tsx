import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type * as Monaco from 'monaco-editor';
import { ContextMenu, type MenuItem } from '../../components/ContextMenu';
import type { MonacoApi } from '../../editor/monaco-api';
import { modelRegistry } from '../../editor/model-registry';
import { findBreakpoint, inFile } from '../../store/debug/breakpoints';
import { debugSelectors } from '../../store/debug/selectors';
import { useDebugStore } from '../../store/debug/store';
import { useBreakpointWidgetStore } from '../../store/debug/widget';
import { useEditorStore } from '../../store/editor/store';
import { BreakpointWidgetHost } from './BreakpointWidget';
import { DebugToolbar } from './DebugToolbar';
import { ExceptionWidget } from './ExceptionWidget';
import { breakpointDecorations, frameDecorations, hintDecoration } from './gutter';
import { useDebugHover } from './useDebugHover';
import { useDebugProject } from './useDebugProject';
import './debug.css';

type Editor = Monaco.editor.IStandaloneCodeEditor;

/** The path of the file on screen, when the editor shows that file's buffer (and not a stale one mid-switch). */
const shownPath = (editor: Editor, path: string | null) => (path && editor.getModel() && editor.getModel() === modelRegistry.get(path) ? path : null);

/** Breakpoint and stopped-line marks follow the store and the file on screen; an edit above a breakpoint moves it
 * with its line, and the store (then the services) learns the new line. */
function useDecorations(editor: Editor, m: MonacoApi, pathRef: React.RefObject<string | null>) {
  useEffect(() => {
    const bps = editor.createDecorationsCollection();
    const frames = editor.createDecorationsCollection();
    let decorated: { path: string; lines: number[] } | null = null;
    const apply = () => {
      const path = shownPath(editor, pathRef.current);
      const s = useDebugStore.getState();
      const list = path ? inFile(s.breakpoints, path) : [];
      bps.set(breakpointDecorations(m, list));
      decorated = path ? { path, lines: list.map((b) => b.line) } : null;
      frames.set(path && s.session?.state === 'paused' ? frameDecorations(m, path, debugSelectors.topFrame(s), debugSelectors.shownFrame(s)) : []);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tellMoves = () => {
      if (!decorated) return;
      const now = bps.getRanges().map((r) => r.startLineNumber);
      const moves = new Map(decorated.lines.map((line, i) => [line, now[i] ?? line] as const));
      if ([...moves].some(([from, to]) => from !== to)) void useDebugStore.getState().breakpointsMoved(decorated.path, moves);
    };
    apply();
    const stop = useDebugStore.subscribe((s, prev) => {
      if (s.breakpoints !== prev.breakpoints || s.session?.state !== prev.session?.state || s.stopped !== prev.stopped || s.frames !== prev.frames || s.selectedFrameId !== prev.selectedFrameId) apply();
    });
    const subs = [
      editor.onDidChangeModel(apply),
      // Typing moves the marks at once; the store hears about it when the typing pauses.
      editor.onDidChangeModelContent(() => {
        clearTimeout(timer);
        timer = setTimeout(tellMoves, 400);
      }),
    ];
    return () => {
      clearTimeout(timer);
      stop();
      subs.forEach((s) => s.dispose());
      bps.clear();
      frames.clear();
    };
  }, [editor, m, pathRef]);
}

/** At each stop the editor opens the stopped file at its line, as VS Code does (a stop outside the project's files
 * shows the first frame that is inside them). */
function useFollowStops() {
  useEffect(() => {
    let followed = -1;
    return useDebugStore.subscribe((s) => {
      if (s.session?.state !== 'paused' || followed === s.stopId) return;
      const frame = s.stopped?.frame?.path ? s.stopped.frame : s.frames.find((f) => f.path);
      if (!frame?.path) return;
      followed = s.stopId;
      void useEditorStore.getState().openFile(frame.path, { line: frame.line, column: frame.column });
    });
  }, []);
}

interface GutterMenu {
  readonly x: number;
  readonly y: number;
  readonly path: string;
  readonly line: number;
}

/** A click in the glyph margin toggles the line's breakpoint; the pointer over it shows where one would go; a right
 * click (there or on the line numbers) opens the breakpoint menu. */
function useGutterMouse(editor: Editor, m: MonacoApi, pathRef: React.RefObject<string | null>) {
  const [menu, setMenu] = useState<GutterMenu | null>(null);
  useEffect(() => {
    const T = m.editor.MouseTargetType;
    const hint = editor.createDecorationsCollection();
    const lineOf = (e: Monaco.editor.IEditorMouseEvent, types: readonly Monaco.editor.MouseTargetType[]) =>
      types.includes(e.target.type) ? e.target.position?.lineNumber ?? null : null;
    const subs = [
      editor.onMouseDown((e) => {
        const line = lineOf(e, [T.GUTTER_GLYPH_MARGIN]);
        const path = shownPath(editor, pathRef.current);
        if (line === null || !path || !e.event.leftButton) return;
        e.event.preventDefault();
        hint.clear();
        void useDebugStore.getState().toggleBreakpoint(path, line);
      }),
      editor.onMouseMove((e) => {
        const line = lineOf(e, [T.GUTTER_GLYPH_MARGIN]);
        const path = shownPath(editor, pathRef.current);
        const taken = line !== null && path ? findBreakpoint(useDebugStore.getState().breakpoints, path, line) : undefined;
        hint.set(line !== null && path && !taken ? [hintDecoration(m, line)] : []);
      }),
      editor.onMouseLeave(() => hint.clear()),
      editor.onContextMenu((e) => {
        const line = lineOf(e, [T.GUTTER_GLYPH_MARGIN, T.GUTTER_LINE_NUMBERS, T.GUTTER_LINE_DECORATIONS]);
        const path = shownPath(editor, pathRef.current);
        if (line === null || !path) return;
        e.event.preventDefault();
        e.event.stopPropagation();
        setMenu({ x: e.event.posx, y: e.event.posy, path, line });
      }),
    ];
    return () => {
      subs.forEach((s) => s.dispose());
      hint.clear();
    };
  }, [editor, m, pathRef]);
  return { menu, close: () => setMenu(null) };
}

/** VS Code's gutter menu: add (plain, conditional, logpoint) on a free line; remove, edit, disable on a set one. */
function menuItems({ path, line }: GutterMenu): MenuItem[] {
  const d = useDebugStore.getState();
  const edit = (kind: 'condition' | 'hitCondition' | 'logMessage') => () => useBreakpointWidgetStore.getState().show(path, line, kind);
  const b = findBreakpoint(d.breakpoints, path, line);
  if (!b) {
    return [
      { id: 'add', label: 'Add Breakpoint', shortcut: 'F9', run: () => void d.toggleBreakpoint(path, line) },
      { id: 'condition', label: 'Add Conditional Breakpoint…', run: edit('condition') },
      { id: 'hit', label: 'Add Hit Count Breakpoint…', run: edit('hitCondition') },
      { id: 'log', label: 'Add Logpoint…', run: edit('logMessage') },
    ];
  }
  return [
    { id: 'remove', label: b.logMessage ? 'Remove Logpoint' : 'Remove Breakpoint', run: () => void d.removeBreakpoint(path, line) },
    { id: 'condition', label: 'Edit Condition…', run: edit('condition') },
    { id: 'hit', label: 'Edit Hit Count…', run: edit('hitCondition') },
    { id: 'log', label: 'Edit Log Message…', run: edit('logMessage') },
    { id: 'enable', label: b.enabled ? 'Disable Breakpoint' : 'Enable Breakpoint', separatorBefore: true, run: () => void d.setBreakpointEnabled(path, line, !b.enabled) },
  ];
}

/** The paused line as a test and a screen reader can read it: the file and line the editor marks. */
function StoppedAt({ path }: { path: string | null }) {
  const top = useDebugStore((s) => (s.session?.state === 'paused' ? debugSelectors.topFrame(s) : null));
  if (!top?.path) return null;
  return (
    <span className="visually-hidden" role="status" data-testid="debug-stopped-at" data-path={top.path} data-line={top.line} data-shown={top.path === path ? 'true' : 'false'}>
      Paused at {top.path} line {top.line}
    </span>
  );
}

/** Everything the debugger adds to the editor, mounted beside the one Monaco editor of the window. */
export function DebugEditorLayer({ editor, monaco, relPath }: { editor: Editor; monaco: MonacoApi; relPath: string | null }) {
  useDebugProject();
  const pathRef = useRef(relPath);
  pathRef.current = relPath;
  useEffect(() => editor.updateOptions({ glyphMargin: true }), [editor]);
  useDecorations(editor, monaco, pathRef);
  useFollowStops();
  useDebugHover(monaco);
  const { menu, close } = useGutterMouse(editor, monaco, pathRef);
  return (
    <>
      <DebugToolbar floating />
      <StoppedAt path={relPath} />
      <BreakpointWidgetHost editor={editor} path={relPath} />
      <ExceptionWidget editor={editor} path={relPath} />
      {menu && createPortal(<ContextMenu x={menu.x} y={menu.y} label={`Breakpoint on line ${menu.line}`} items={menuItems(menu)} onClose={close} />, document.body)}
    </>
  );
}
