// @vitest-environment happy-dom
/** The window-wide key bindings, with the hook mounted in a real React root and keys sent as DOM events. */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../store/app/store';
import { useDialogsStore } from '../../store/dialogs/store';
import { registerCommands, type Command } from '../../store/palette/commands';
import { useGlobalShortcuts } from './useGlobalShortcuts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ran: string[] = [];
const cmd = (id: string, shortcut: string, extra: Partial<Command> = {}): Command => ({ id, category: 'Test', title: id, shortcut, run: () => ran.push(id), ...extra });

let root: Root;
let unregister: () => void;
let ready = false;

function Probe() {
  useGlobalShortcuts();
  return null;
}

/** A keydown at the focused element (the body), as the browser sends it; Ctrl is the Mod key off macOS. */
function press(code: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}): KeyboardEvent {
  const key = code.replace(/^Key|^Digit/, '').toLowerCase();
  const e = new KeyboardEvent('keydown', { code, key: code === 'Escape' ? 'Escape' : key, ctrlKey: !!mods.ctrl, altKey: !!mods.alt, shiftKey: !!mods.shift, bubbles: true, cancelable: true });
  document.body.dispatchEvent(e);
  return e;
}

beforeEach(async () => {
  ran.length = 0;
  unregister = registerCommands([
    cmd('test.anywhere', 'Mod+Alt+J'),
    cmd('test.inProject', 'Mod+Alt+K', { inProjectOnly: true }),
    cmd('test.whenReady', 'Mod+Alt+L', { available: () => ready }),
    cmd('test.scoped', 'Mod+Alt+M', { shortcutScope: 'Explorer' }),
    cmd('test.replaceAll', 'Mod+Alt+J', { shortcutScope: 'Find widget' }),
  ]);
  useAppStore.setState({ projectId: null, fullScreen: false });
  root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(Probe)));
});

afterEach(async () => {
  await act(async () => root.unmount());
  unregister();
  while (useDialogsStore.getState().current) useDialogsStore.getState().settle(null);
});

describe('global shortcuts', () => {
  it('run their command and keep the key from the page and the editor', () => {
    const e = press('KeyJ', { ctrl: true, alt: true });
    expect(ran).toEqual(['test.anywhere']);
    expect(e.defaultPrevented).toBe(true);
  });

  it('take the key even where their command does not apply, without running it', () => {
    const e = press('KeyK', { ctrl: true, alt: true });
    expect(ran).toEqual([]);
    expect(e.defaultPrevented).toBe(true);

    useAppStore.setState({ projectId: 'p1' });
    press('KeyK', { ctrl: true, alt: true });
    expect(ran).toEqual(['test.inProject']);
  });

  it('follow a command\'s condition', () => {
    ready = false;
    press('KeyL', { ctrl: true, alt: true });
    ready = true;
    press('KeyL', { ctrl: true, alt: true });
    expect(ran).toEqual(['test.whenReady']);
  });

  it('leave scoped shortcuts and other keys alone', () => {
    const scoped = press('KeyM', { ctrl: true, alt: true });
    const other = press('KeyJ', { ctrl: true });
    expect(ran).toEqual([]);
    expect([scoped.defaultPrevented, other.defaultPrevented]).toEqual([false, false]);
  });

  it('leave a key to Monaco\'s find widget when the focus is in it and the widget binds that key (Replace All)', () => {
    const widget = document.createElement('div');
    widget.className = 'monaco-editor';
    widget.innerHTML = '<div class="find-widget"><textarea></textarea></div>';
    document.body.append(widget);
    const e = new KeyboardEvent('keydown', { code: 'KeyJ', key: 'j', ctrlKey: true, altKey: true, bubbles: true, cancelable: true });
    widget.querySelector('textarea')!.dispatchEvent(e);
    widget.remove();
    expect(ran).toEqual([]);
    expect(e.defaultPrevented).toBe(false);
    // Outside the find widget the same key is the window's again.
    press('KeyJ', { ctrl: true, alt: true });
    expect(ran).toEqual(['test.anywhere']);
  });

  it('leave every key to an open dialog', () => {
    void useDialogsStore.getState().ask({ kind: 'confirm', title: 'Sure?', message: '', confirmLabel: 'Yes' });
    const e = press('KeyJ', { ctrl: true, alt: true });
    expect(ran).toEqual([]);
    expect(e.defaultPrevented).toBe(false);
  });

  it('let a free Esc leave the full-screen editor, but not one a widget or dialog took', () => {
    useAppStore.setState({ fullScreen: true });
    // Monaco's find widget closes on Esc and marks the event handled.
    const widget = (e: Event) => e.preventDefault();
    document.body.addEventListener('keydown', widget);
    press('Escape');
    document.body.removeEventListener('keydown', widget);
    expect(useAppStore.getState().fullScreen).toBe(true);

    void useDialogsStore.getState().ask({ kind: 'confirm', title: 'Sure?', message: '', confirmLabel: 'Yes' });
    press('Escape');
    expect(useAppStore.getState().fullScreen).toBe(true);
    useDialogsStore.getState().settle(false);

    press('Escape');
    expect(useAppStore.getState().fullScreen).toBe(false);
  });

  it('stop listening once the window unmounts them', async () => {
    await act(async () => root.unmount());
    press('KeyJ', { ctrl: true, alt: true });
    expect(ran).toEqual([]);
    root = createRoot(document.createElement('div'));
  });
});
