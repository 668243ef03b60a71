import { useEffect } from 'react';
import { OUTPUT_TAB, PROBLEMS_TAB, useBottomPanelStore } from '../../store/bottom-panel/store';
import { useProblemsStore } from '../../store/problems/store';
import { useTestingStore } from '../../store/testing/store';
import type { TestingStore } from '../../store/testing/types';

const problemsShowing = (s: { open: boolean; active: string }) => s.open && s.active === PROBLEMS_TAB;

/**
 * Keeps the Problems store's `panelOpen` (Ctrl/Cmd+Shift+M, the status bar, the form's Problems button) and the
 * panel in step: opening Problems shows the panel on its tab; closing it, or showing another tab, clears it, so the
 * next Ctrl/Cmd+Shift+M opens Problems again rather than closing an Output the user is reading.
 */
export function linkProblems(): () => void {
  const fromProblems = (open: boolean) => {
    const panel = useBottomPanelStore.getState();
    if (open && !problemsShowing(panel)) panel.show(PROBLEMS_TAB);
    else if (!open && problemsShowing(panel)) panel.close();
  };
  fromProblems(useProblemsStore.getState().panelOpen);
  const stopProblems = useProblemsStore.subscribe((s, prev) => {
    if (s.panelOpen !== prev.panelOpen) fromProblems(s.panelOpen);
  });
  const stopPanel = useBottomPanelStore.subscribe((s) => {
    const showing = problemsShowing(s);
    if (useProblemsStore.getState().panelOpen !== showing) useProblemsStore.getState().togglePanel(showing);
  });
  return () => {
    stopProblems();
    stopPanel();
  };
}

/** A run or a health check starting: the one in the store's `runningId`, or a configuration's check turning on. */
function started(s: TestingStore, prev: TestingStore): boolean {
  if (s.runningId && s.runningId !== prev.runningId) return true;
  return s.health !== prev.health && Object.entries(s.health).some(([id, h]) => h.running && !prev.health[id]?.running);
}

/** Running an action or a health check reveals the Output tab, where its logs stream and its result lands. */
export function revealOutputOnRun(): () => void {
  return useTestingStore.subscribe((s, prev) => {
    if (started(s, prev)) useBottomPanelStore.getState().show(OUTPUT_TAB);
  });
}

/** What the panel follows in other stores while a project is open. */
export function useBottomPanelWiring(): void {
  useEffect(() => {
    const unlink = linkProblems();
    const stopReveal = revealOutputOnRun();
    return () => {
      unlink();
      stopReveal();
    };
  }, []);
}
