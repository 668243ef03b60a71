/** Numbers for bench/form.mjs, written on the form's root element as data attributes. */
let root: HTMLElement | null = null;
let diagnosticsMs: number | null = null;

export const metrics = {
  setRoot(el: HTMLElement | null) {
    root = el;
    if (el && diagnosticsMs !== null) el.dataset.diagnosticsMs = diagnosticsMs.toFixed(1);
  },
  /** Time from the input event (a keystroke in either view) to the markers being set. */
  diagnosticsDone(ms: number) {
    diagnosticsMs = ms;
    if (root) root.dataset.diagnosticsMs = ms.toFixed(1);
  },
};
