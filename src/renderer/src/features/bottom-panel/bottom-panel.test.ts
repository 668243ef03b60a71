// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTPUT_TAB, PROBLEMS_TAB, useBottomPanelStore } from '../../store/bottom-panel/store';
import { useProblemsStore } from '../../store/problems/store';
import { useTestingStore } from '../../store/testing/store';
import { bottomPanelTabs, registerBottomPanelTab, type BottomPanelTab } from './registry';
import { linkProblems, revealOutputOnRun } from './useBottomPanelWiring';

const tab = (id: string, order: number, title = id): BottomPanelTab => ({ id, title, order, render: () => title });

describe('the panel tab registry', () => {
  it('sorts tabs by order; a tab with the same id replaces the placeholder, and removing it puts the placeholder back', () => {
    const off = [tab('debug-console', 30, 'placeholder'), tab('output', 20), tab('problems', 10)].map(registerBottomPanelTab);
    expect(bottomPanelTabs().map((t) => t.id)).toEqual(['problems', 'output', 'debug-console']);
    const debuggers = tab('debug-console', 30, 'the debugger');
    const unregister = registerBottomPanelTab(debuggers);
    expect(bottomPanelTabs().map((t) => t.title)).toEqual(['problems', 'output', 'the debugger']);
    unregister();
    expect(bottomPanelTabs().map((t) => t.title)).toEqual(['problems', 'output', 'placeholder']);
    off.forEach((o) => o());
    expect(bottomPanelTabs()).toEqual([]);
  });
});

describe('the panel and the stores it follows', () => {
  let stop: (() => void)[] = [];
  beforeEach(() => {
    localStorage.clear();
    useBottomPanelStore.setState({ open: false, active: PROBLEMS_TAB });
    useProblemsStore.setState({ panelOpen: false });
    stop = [linkProblems(), revealOutputOnRun()];
  });
  afterEach(() => stop.forEach((s) => s()));

  it('Ctrl+Shift+M opens the panel on Problems and closes it again; the choice is kept for the next window', () => {
    useProblemsStore.getState().togglePanel();
    expect(useBottomPanelStore.getState()).toMatchObject({ open: true, active: PROBLEMS_TAB });
    expect(localStorage.getItem('cs.panel.open')).toBe('true');
    useProblemsStore.getState().togglePanel();
    expect(useBottomPanelStore.getState().open).toBe(false);
  });

  it('with Output showing, Ctrl+Shift+M switches to Problems instead of closing the panel', () => {
    useBottomPanelStore.getState().show(OUTPUT_TAB);
    expect(useProblemsStore.getState().panelOpen).toBe(false);
    useProblemsStore.getState().togglePanel();
    expect(useBottomPanelStore.getState()).toMatchObject({ open: true, active: PROBLEMS_TAB });
  });

  it('closing the panel (Ctrl+J, its X) or leaving the Problems tab clears the Problems store\'s flag', () => {
    useProblemsStore.getState().togglePanel(true);
    useBottomPanelStore.getState().toggle();
    expect(useProblemsStore.getState().panelOpen).toBe(false);
    useBottomPanelStore.getState().toggle();
    expect(useProblemsStore.getState().panelOpen).toBe(true);
    useBottomPanelStore.getState().select(OUTPUT_TAB);
    expect(useProblemsStore.getState().panelOpen).toBe(false);
  });

  it('a run or a health check starting reveals the Output tab', () => {
    useTestingStore.setState({ runningId: 'run-1' });
    expect(useBottomPanelStore.getState()).toMatchObject({ open: true, active: OUTPUT_TAB });
    useBottomPanelStore.getState().close();
    useTestingStore.setState({ runningId: null });
    expect(useBottomPanelStore.getState().open).toBe(false);
    useTestingStore.setState({ health: { c1: { running: true } } });
    expect(useBottomPanelStore.getState()).toMatchObject({ open: true, active: OUTPUT_TAB });
  });
});
